import { Controller, Get, HttpCode, Post, Req } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { Public } from '../../platform/auth/auth.decorators';
import { ParsesRawRequest } from '../../platform/http/request-shape.interceptor';
import { IngestService, requireParsed } from './ingest.service';
import { parseBatch } from './protocols/batch';
import { parseOsmAnd } from './protocols/osmand';
import { parseOsmAndJson } from './protocols/osmand-json';
import { parseTraccarForward } from './protocols/traccar-forward';

type Fields = Record<string, string | string[] | undefined>;

/**
 * Where trackers report. Devices carry no user token: a tracker is known by
 * its registered id (and its secret, where one is set).
 */
@ApiTags('ingest')
@Controller('ingest')
@ParsesRawRequest()
export class IngestController {
  constructor(private readonly ingest: IngestService) {}

  @Get('osmand')
  @Public()
  @ApiOperation({ summary: 'OsmAnd protocol (Traccar Client and many trackers): fields in the query string' })
  osmAndQuery(@Req() request: Request) {
    return this.ingest.accept(requireParsed(parseOsmAnd(request.query as Fields, new Date())));
  }

  @Post('osmand')
  @Public()
  @HttpCode(200)
  @ApiOperation({ summary: 'OsmAnd protocol: query string, form fields, or the JSON variant' })
  osmAnd(@Req() request: Request) {
    const now = new Date();
    if (request.is('application/json')) return this.ingest.accept(requireParsed(parseOsmAndJson(request.body, now)));
    const fields = { ...(request.query as Fields), ...((request.body ?? {}) as Fields) };
    return this.ingest.accept(requireParsed(parseOsmAnd(fields, now)));
  }

  @Post('traccar')
  @Public()
  @HttpCode(200)
  @ApiOperation({ summary: 'Position and event JSON forwarded by a Traccar server' })
  async traccar(@Req() request: Request) {
    const { position, event } = requireParsed(parseTraccarForward(request.body, new Date()));
    // Pourline judges fences itself from positions; a forwarded event alone changes nothing.
    const stored = position ? await this.ingest.accept(position) : null;
    return { positionId: stored?.positionId ?? null, event: event?.type ?? null };
  }

  @Post('batch')
  @Public()
  @HttpCode(200)
  @ApiOperation({ summary: 'Many positions in one request, for gateways; refused items are listed' })
  batch(@Req() request: Request) {
    return this.ingest.acceptBatch(requireParsed(parseBatch(request.body, new Date())).items);
  }
}
