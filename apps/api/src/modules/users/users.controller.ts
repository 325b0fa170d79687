import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CreateUserRequest, type CurrentUser, IdParam, PageQuery, UpdateUserRequest } from '@pourline/contracts';
import { Actor, Can } from '../../platform/auth/auth.decorators';
import { UsersService } from './users.service';

@ApiTags('users')
@Controller('users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Get()
  @Can('users.manage')
  list(@Query({ schema: PageQuery }) query: PageQuery) {
    return this.users.list(query);
  }

  @Get(':id')
  @Can('users.manage')
  get(@Param({ schema: IdParam }) { id }: IdParam) {
    return this.users.get(id);
  }

  @Post()
  @Can('users.manage')
  create(@Body({ schema: CreateUserRequest }) body: CreateUserRequest, @Actor() actor: CurrentUser) {
    return this.users.create(body, actor);
  }

  @Patch(':id')
  @Can('users.manage')
  update(
    @Param({ schema: IdParam }) { id }: IdParam,
    @Body({ schema: UpdateUserRequest }) body: UpdateUserRequest,
    @Actor() actor: CurrentUser,
  ) {
    return this.users.update(id, body, actor);
  }
}
