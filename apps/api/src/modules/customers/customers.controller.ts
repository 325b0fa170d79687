import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CreateCustomerRequest, IdParam, PageQuery, UpdateCustomerRequest } from '@pourline/contracts';
import { Can } from '../../platform/auth/auth.decorators';
import { CustomersService } from './customers.service';

@ApiTags('customers')
@Controller('customers')
export class CustomersController {
  constructor(private readonly customers: CustomersService) {}

  @Get()
  @Can('customers.read')
  list(@Query({ schema: PageQuery }) query: PageQuery) {
    return this.customers.list(query);
  }

  @Get(':id')
  @Can('customers.read')
  get(@Param({ schema: IdParam }) { id }: IdParam) {
    return this.customers.get(id);
  }

  @Post()
  @Can('master-data.manage')
  create(@Body({ schema: CreateCustomerRequest }) body: CreateCustomerRequest) {
    return this.customers.create(body);
  }

  @Patch(':id')
  @Can('master-data.manage')
  update(
    @Param({ schema: IdParam }) { id }: IdParam,
    @Body({ schema: UpdateCustomerRequest }) body: UpdateCustomerRequest,
  ) {
    return this.customers.update(id, body);
  }

  @Delete(':id')
  @Can('master-data.manage')
  @HttpCode(204)
  remove(@Param({ schema: IdParam }) { id }: IdParam) {
    return this.customers.remove(id);
  }
}
