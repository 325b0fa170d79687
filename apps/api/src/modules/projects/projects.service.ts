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
import { NotAssignableError } from './projects.exceptions';
import { ProjectsRepository, type ProjectWithDetails } from './projects.repository';

export type ProjectListParams = z.infer<typeof ProjectListQuery>;

export function toProjectDto(project: ProjectWithDetails): ProjectDto {
  const { id, customerId, plantId, name, address, location, geofence, contacts } = project;
  const siteDispatcherIds = project.siteDispatchers.map((user) => user.id);
  const supervisorIds = project.supervisors.map((user) => user.id);
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
    supervisorIds,
  };
}

/** Everyone whose project scope a project's people decide: its site dispatchers and supervisors. */
function assignedIds(project: { siteDispatchers?: UserEntity[]; supervisors?: UserEntity[] } | null): string[] {
  return [...(project?.siteDispatchers ?? []), ...(project?.supervisors ?? [])].map((user) => user.id);
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
    const { siteDispatcherIds, supervisorIds, ...fields } = request;
    await this.checkReferences(fields);
    const siteDispatchers = await this.requireAssignable('site_dispatcher', siteDispatcherIds);
    const supervisors = await this.requireAssignable('supervisor', supervisorIds);
    const saved = await this.projects.save(this.projects.create({ ...fields, siteDispatchers, supervisors }));
    await this.refreshScopes(assignedIds({ siteDispatchers, supervisors }), [fields.customerId]);
    return toProjectDto(await this.requireDetails(saved.id));
  }

  async update(id: string, request: UpdateProjectRequest, actor: CurrentUser): Promise<ProjectDto> {
    // Loaded without its customer relation: a loaded relation would win over a changed customerId on save.
    const project = await this.requireEntity(id, actor);
    const { siteDispatcherIds, supervisorIds, ...fields } = request;
    await this.checkReferences(fields);
    const before = await this.projects.findWithDetails(id);
    Object.assign(project, fields);
    if (siteDispatcherIds !== undefined)
      project.siteDispatchers = await this.requireAssignable('site_dispatcher', siteDispatcherIds);
    if (supervisorIds !== undefined) project.supervisors = await this.requireAssignable('supervisor', supervisorIds);
    await this.projects.save(project);
    // Whoever was taken off or put on the project, or whose customer gained or lost it, hears of it on
    // their open live feed at once.
    const after = await this.requireDetails(id);
    await this.refreshScopes(
      [...assignedIds(before), ...assignedIds(after)],
      [before?.customerId ?? after.customerId, after.customerId],
    );
    return toProjectDto(after);
  }

  async remove(id: string, actor: CurrentUser): Promise<void> {
    const project = await this.requireEntity(id, actor);
    const before = await this.projects.findWithDetails(id);
    await this.projects.remove(project);
    await this.refreshScopes(assignedIds(before), [project.customerId]);
  }

  private async refreshScopes(userIds: string[], customerIds: string[]): Promise<void> {
    const accounts = await this.projects.customerAccountIds([...new Set(customerIds)]);
    await this.liveScope.refreshUsers([...userIds, ...accounts]);
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

  private async requireAssignable(role: 'site_dispatcher' | 'supervisor', userIds: string[]): Promise<UserEntity[]> {
    const uniqueIds = [...new Set(userIds)];
    const found = await this.users.findByIds(uniqueIds);
    const assignable = found.filter((user) => user.role === role);
    const rejected = uniqueIds.filter((id) => !assignable.some((user) => user.id === id));
    if (rejected.length) throw new NotAssignableError(role, rejected);
    return assignable;
  }
}
