import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  CreateProjectRequest,
  type CurrentUser,
  IdParam,
  ProjectListQuery,
  UpdateProjectRequest,
} from '@pourline/contracts';
import { Actor, Can } from '../../platform/auth/auth.decorators';
import { type ProjectListParams, ProjectsService } from './projects.service';

@ApiTags('projects')
@Controller('projects')
export class ProjectsController {
  constructor(private readonly projects: ProjectsService) {}

  @Get()
  @Can('projects.read')
  list(@Query({ schema: ProjectListQuery }) query: ProjectListParams, @Actor() actor: CurrentUser) {
    return this.projects.list(query, actor);
  }

  @Get(':id')
  @Can('projects.read')
  get(@Param({ schema: IdParam }) { id }: IdParam, @Actor() actor: CurrentUser) {
    return this.projects.get(id, actor);
  }

  @Post()
  @Can('master-data.manage')
  create(@Body({ schema: CreateProjectRequest }) body: CreateProjectRequest) {
    return this.projects.create(body);
  }

  @Patch(':id')
  @Can('master-data.manage')
  update(
    @Param({ schema: IdParam }) { id }: IdParam,
    @Body({ schema: UpdateProjectRequest }) body: UpdateProjectRequest,
    @Actor() actor: CurrentUser,
  ) {
    return this.projects.update(id, body, actor);
  }

  @Delete(':id')
  @Can('master-data.manage')
  @HttpCode(204)
  remove(@Param({ schema: IdParam }) { id }: IdParam, @Actor() actor: CurrentUser) {
    return this.projects.remove(id, actor);
  }
}
