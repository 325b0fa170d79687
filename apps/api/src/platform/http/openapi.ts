import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';

export function mountOpenApi(app: INestApplication): void {
  const config = new DocumentBuilder()
    .setTitle('Pourline API')
    .setDescription('Pour plans, loads, quality control and the live fleet of a ready-mixed concrete producer')
    .setVersion('1')
    .addBearerAuth()
    .build();
  const document = SwaggerModule.createDocument(app, config);
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs-json' });
}
