import { Injectable } from '@nestjs/common';
import type {
  CreateProjectRequest,
  CurrentUser,
  Page,
  ProjectDto,
  ProjectListQuery,
  UpdateProjectRequest,
} from '@pourline/contracts';
import type { z } from 'zod';
import { canSeeProject, visibleProjectIds } from '../../platform/auth/project-scope';
import { NotFoundError, UnknownReferenceError } from '../../platform/errors/domain-error';
import { LiveScope } from '../../platform/live/live-scope.service';
import { CustomersRepository } from '../customers/customers.repository';
import { PlantsRepository } from '../plants/plants.repository';
import type { UserEntity } from '../users/user.entity';
import { UsersRepository } from '../users/users.repository';
import type { ProjectEntity } from './project.entity';
import { NotASiteDispatcherError } from './projects.exceptions';
import { ProjectsRepository, type ProjectWithDetails } from './projects.repository';

export type ProjectListParams = z.infer<typeof ProjectListQuery>;

export function toProjectDto(project: ProjectWithDetails): ProjectDto {
  const { id, customerId, plantId, name, address, location, geofence, contacts } = project;
  const siteDispatcherIds = project.siteDispatchers.map((user) => user.id);
  return {
    id,
    customerId,
    customerName: project.customer.name,
    plantId,
    name,
    address,
    location,
    geofence,
    contacts,
    siteDispatcherIds,
  };
}

@Injectable()
export class ProjectsService {
  constructor(
    private readonly projects: ProjectsRepository,
    private readonly customers: CustomersRepository,
    private readonly plants: PlantsRepository,
    private readonly users: UsersRepository,
    private readonly liveScope: LiveScope,
  ) {}

  async list(query: ProjectListParams, actor: CurrentUser): Promise<Page<ProjectDto>> {
    const { page, pageSize, customerId } = query;
    const skip = (page - 1) * pageSize;
    const [items, total] = await this.projects.listForScope(visibleProjectIds(actor), customerId, skip, pageSize);
    return { items: items.map(toProjectDto), total, page, pageSize };
  }

  async get(id: string, actor: CurrentUser): Promise<ProjectDto> {
    return toProjectDto(await this.require(id, actor));
  }

  async create(request: CreateProjectRequest): Promise<ProjectDto> {
    const { siteDispatcherIds, ...fields } = request;
    await this.checkReferences(fields);
    const siteDispatchers = await this.requireSiteDispatchers(siteDispatcherIds);
    const saved = await this.projects.save(this.projects.create({ ...fields, siteDispatchers }));
    await this.liveScope.refreshUsers(siteDispatchers.map((user) => user.id));
    return toProjectDto(await this.requireDetails(saved.id));
  }

  async update(id: string, request: UpdateProjectRequest, actor: CurrentUser): Promise<ProjectDto> {
    // Loaded without its customer relation: a loaded relation would win over a changed customerId on save.
    const project = await this.requireEntity(id, actor);
    const { siteDispatcherIds, ...fields } = request;
    await this.checkReferences(fields);
    Object.assign(project, fields);
    const before = siteDispatcherIds === undefined ? [] : await this.siteDispatcherIdsOf(id);
    if (siteDispatcherIds !== undefined) project.siteDispatchers = await this.requireSiteDispatchers(siteDispatcherIds);
    await this.projects.save(project);
    // Whoever was taken off or put on the project hears of it on their open live feed at once.
    await this.liveScope.refreshUsers([...before, ...(siteDispatcherIds ?? [])]);
    return toProjectDto(await this.requireDetails(id));
  }

  async remove(id: string, actor: CurrentUser): Promise<void> {
    const project = await this.requireEntity(id, actor);
    const before = await this.siteDispatcherIdsOf(id);
    await this.projects.remove(project);
    await this.liveScope.refreshUsers(before);
  }

  private async siteDispatcherIdsOf(id: string): Promise<string[]> {
    return ((await this.projects.findWithDetails(id))?.siteDispatchers ?? []).map((user) => user.id);
  }

  /** The project with its details, or 404 when it does not exist or is outside the actor's scope. */
  async require(id: string, actor: CurrentUser): Promise<ProjectWithDetails> {
    if (!canSeeProject(actor, id)) throw new NotFoundError('Project', id);
    return this.requireDetails(id);
  }

  private async requireDetails(id: string): Promise<ProjectWithDetails> {
    const project = await this.projects.findWithDetails(id);
    if (!project) throw new NotFoundError('Project', id);
    return project;
  }

  private async requireEntity(id: string, actor: CurrentUser): Promise<ProjectEntity> {
    const project = canSeeProject(actor, id) ? await this.projects.findById(id) : null;
    if (!project) throw new NotFoundError('Project', id);
    return project;
  }

  private async checkReferences(fields: { customerId?: string; plantId?: string }): Promise<void> {
    const { customerId, plantId } = fields;
    if (customerId && !(await this.customers.exists(customerId)))
      throw new UnknownReferenceError('customerId', customerId);
    if (plantId && !(await this.plants.exists(plantId))) throw new UnknownReferenceError('plantId', plantId);
  }

  private async requireSiteDispatchers(userIds: string[]): Promise<UserEntity[]> {
    const uniqueIds = [...new Set(userIds)];
    const found = await this.users.findByIds(uniqueIds);
    const dispatchers = found.filter((user) => user.role === 'site_dispatcher');
    const rejected = uniqueIds.filter((id) => !dispatchers.some((user) => user.id === id));
    if (rejected.length) throw new NotASiteDispatcherError(rejected);
    return dispatchers;
  }
}
