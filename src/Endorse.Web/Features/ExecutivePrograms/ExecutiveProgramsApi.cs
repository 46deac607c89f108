using System.Security.Claims;
using Endorse.ExecutivePrograms;
using Endorse.Listing;
using Endorse.Web.Api;
using Endorse.Web.Auth;
using Endorse.Web.Features.Accounts;

namespace Endorse.Web.Features.ExecutivePrograms;

/// <summary>Executive programs, their events, members (each paired with a company executive) and commitments.</summary>
public static class ExecutiveProgramsApi
{
    public static IServiceCollection AddExecutivePrograms(this IServiceCollection services) => services.AddScoped<ExecutiveProgramService>();

    public static void MapExecutiveProgramsApi(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        var group = api.MapGroup("/executive-programs").WithTags("Executive programs").RequireAuthorization(Policies.ReadCustomers);
        const string Managers = "Administrators, reference managers, marketing and executives (403 otherwise).";

        group.MapGet("/", async ([AsParameters] ProgramQuery query, ExecutiveProgramService service, CancellationToken ct) =>
                Results.Ok(await service.ListAsync(query.Filter(), query.PageRequest(), ct)))
            .WithName("ListExecutivePrograms").WithSummary("List executive programs")
            .WithDescription("One page of programs by name with their member count, open commitments and next event. Filters: `kind` (Peering, Briefing, Panel, Club), `active`; `search` matches the start of the name.")
            .Produces<Page<ProgramRow>>().ProducesValidationProblem();

        group.MapGet("/export.csv", ([AsParameters] ProgramQuery query, ExecutiveProgramService service) =>
                ApiResults.Csv(service.ExportAsync(query.Filter()), "executive-programs.csv"))
            .WithName("ExportExecutivePrograms").WithSummary("Export executive programs as CSV")
            .WithDescription("Every program matching the same filters as the list, as a CSV file.")
            .Produces(StatusCodes.Status200OK, contentType: "text/csv");

        group.MapGet("/{id:int}", async (int id, ExecutiveProgramService service, ClaimsPrincipal user, CancellationToken ct) =>
                await service.GetAsync(id, OutcomeResults.ActorOf(user), ct) is { } program ? Results.Ok(program) : OutcomeResults.NotFound($"There is no executive program {id}."))
            .WithName("GetExecutiveProgram").WithSummary("Get an executive program")
            .WithDescription("The program with its members (customer executives, each with their company executive), events (with who attended) and commitments.")
            .Produces<ProgramDetails>().ProducesProblem(StatusCodes.Status404NotFound);

        group.MapPost("/", async (HttpRequest request, ExecutiveProgramService service, ClaimsPrincipal user) =>
            {
                var (input, problem) = await CustomerRequests.ReadBodyAsync<ProgramInput>(request);
                return problem ?? OutcomeResults.From(await service.CreateAsync(input!, OutcomeResults.ActorOf(user), request.HttpContext.RequestAborted),
                    p => TypedResults.Created($"/api/v1/executive-programs/{p.Id}", p));
            })
            .WithName("CreateExecutiveProgram").WithSummary("Record an executive program")
            .WithDescription("`name` (unique), `kind` (Peering, Briefing, Panel, Club), `description`, `ownerId` (the employee who runs it), `isActive`. " + Managers)
            .Accepts<ProgramInput>("application/json")
            .Produces<ProgramRow>(StatusCodes.Status201Created).ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden);

        group.MapPut("/{id:int}", async (int id, HttpRequest request, ExecutiveProgramService service, ClaimsPrincipal user) =>
            {
                var (input, problem) = await CustomerRequests.ReadBodyAsync<ProgramInput>(request);
                return problem ?? OutcomeResults.From(await service.UpdateAsync(id, input!, OutcomeResults.ActorOf(user), request.HttpContext.RequestAborted), TypedResults.Ok);
            })
            .WithName("UpdateExecutiveProgram").WithSummary("Change an executive program")
            .WithDescription("The same fields as creating; send the `updatedAt` you read (409 when changed since). An inactive program's members stop counting as executive-program members in discovery. " + Managers)
            .Accepts<ProgramInput>("application/json")
            .Produces<ProgramRow>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);

        group.MapPost("/{id:int}/members", async (int id, HttpRequest request, ExecutiveProgramService service, ClaimsPrincipal user) =>
            {
                var (input, problem) = await CustomerRequests.ReadBodyAsync<MemberInput>(request);
                return problem ?? OutcomeResults.From(await service.AddMemberAsync(id, input!, OutcomeResults.ActorOf(user), request.HttpContext.RequestAborted),
                    m => TypedResults.Created($"/api/v1/executive-programs/{id}", m));
            })
            .WithName("AddExecutiveProgramMember").WithSummary("Add a customer executive to a program")
            .WithDescription("`contactId` (a contact at a customer account), `companyExecutiveId` (the user paired with them), `joinedOn` (default today), `notes`. Members appear as senior candidates in discovery. 409 when the account is not a customer or the contact is already a member. " + Managers)
            .Accepts<MemberInput>("application/json")
            .Produces<MemberRow>(StatusCodes.Status201Created).ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);

        group.MapPost("/{id:int}/members/{memberId:int}/leave", async (int id, int memberId, DateOnly? leftOn, ExecutiveProgramService service, ClaimsPrincipal user, CancellationToken ct) =>
                OutcomeResults.From(await service.LeaveAsync(id, memberId, leftOn, OutcomeResults.ActorOf(user), ct), TypedResults.Ok))
            .WithName("LeaveExecutiveProgram").WithSummary("A member leaves a program")
            .WithDescription("Records that the member left on `leftOn` (query, default today); they stay in the program's history. " + Managers)
            .Produces<MemberRow>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);

        group.MapPost("/{id:int}/events", async (int id, HttpRequest request, ExecutiveProgramService service, ClaimsPrincipal user) =>
            {
                var (input, problem) = await CustomerRequests.ReadBodyAsync<EventInput>(request);
                return problem ?? OutcomeResults.From(await service.AddEventAsync(id, input!, OutcomeResults.ActorOf(user), request.HttpContext.RequestAborted),
                    e => TypedResults.Created($"/api/v1/executive-programs/{id}", e));
            })
            .WithName("AddExecutiveProgramEvent").WithSummary("Record an event of a program")
            .WithDescription("`title`, `heldOn`, `location`, `notes`, and `attendeeMemberIds` (members of this program who took part). " + Managers)
            .Accepts<EventInput>("application/json")
            .Produces<EventRow>(StatusCodes.Status201Created).ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapDelete("/{id:int}/events/{eventId:int}", async (int id, int eventId, ExecutiveProgramService service, ClaimsPrincipal user, CancellationToken ct) =>
                OutcomeResults.From(await service.DeleteEventAsync(id, eventId, OutcomeResults.ActorOf(user), ct), _ => TypedResults.NoContent()))
            .WithName("DeleteExecutiveProgramEvent").WithSummary("Delete an event recorded by mistake")
            .WithDescription(Managers + " Audited.")
            .Produces(StatusCodes.Status204NoContent).ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);

        group.MapPost("/{id:int}/commitments", async (int id, HttpRequest request, ExecutiveProgramService service, ClaimsPrincipal user) =>
            {
                var (input, problem) = await CustomerRequests.ReadBodyAsync<CommitmentInput>(request);
                return problem ?? OutcomeResults.From(await service.AddCommitmentAsync(id, input!, OutcomeResults.ActorOf(user), request.HttpContext.RequestAborted),
                    c => TypedResults.Created($"/api/v1/executive-commitments/{c.Id}", c));
            })
            .WithName("AddExecutiveCommitment").WithSummary("Record a member's commitment")
            .WithDescription("`memberId` (a current member), `kind` (Blog, CaseStudy, Talk, ReferenceCall), `description`, `dueOn` (today or later). Their company executive and the program's owner are reminded before it is due and when it is overdue. " + Managers)
            .Accepts<CommitmentInput>("application/json")
            .Produces<CommitmentRow>(StatusCodes.Status201Created).ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);

        // Commitments across programs live under /executive-commitments: as /executive-programs/commitments/{id}, next to
        // /executive-programs/{id}/…, their paths would be ambiguous in the OpenAPI document.
        var commitments = api.MapGroup("/executive-commitments").WithTags("Executive programs").RequireAuthorization(Policies.ReadCustomers);
        commitments.MapGet("/", async ([AsParameters] CommitmentQuery query, ExecutiveProgramService service, CancellationToken ct) =>
                Results.Ok(await service.ListCommitmentsAsync(query.Filter(), query.PageRequest(), ct)))
            .WithName("ListExecutiveCommitments").WithSummary("List commitments")
            .WithDescription("One page of commitments, open ones first by due day. Filters: `programId`, `status` (Open, Delivered, Dropped), `overdueOnly=true`, `kind`; `search` matches the start of the account name.")
            .Produces<Page<CommitmentRow>>().ProducesValidationProblem();

        commitments.MapGet("/export.csv", ([AsParameters] CommitmentQuery query, ExecutiveProgramService service) =>
                ApiResults.Csv(service.ExportCommitmentsAsync(query.Filter()), "commitments.csv"))
            .WithName("ExportExecutiveCommitments").WithSummary("Export commitments as CSV")
            .WithDescription("Every commitment matching the same filters as the list, as a CSV file.")
            .Produces(StatusCodes.Status200OK, contentType: "text/csv");

        commitments.MapPut("/{commitmentId:int}", async (int commitmentId, HttpRequest request, ExecutiveProgramService service, ClaimsPrincipal user) =>
            {
                var (input, problem) = await CustomerRequests.ReadBodyAsync<CommitmentUpdate>(request);
                return problem ?? OutcomeResults.From(await service.UpdateCommitmentAsync(commitmentId, input!, OutcomeResults.ActorOf(user), request.HttpContext.RequestAborted), TypedResults.Ok);
            })
            .WithName("UpdateExecutiveCommitment").WithSummary("Deliver, drop or reschedule a commitment")
            .WithDescription("`status` Delivered (with `deliveredOn`, default today, and `outcome`: where it is), Dropped (with `outcome`: why), or Open; `dueOn` moves it (reminders go out again). Send `updatedAt`. " + Managers)
            .Accepts<CommitmentUpdate>("application/json")
            .Produces<CommitmentRow>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
    }
}

public sealed class ProgramQuery
{
    public int? Page { get; set; }
    public int? PageSize { get; set; }
    public string? Search { get; set; }
    public ExecutiveProgramKind? Kind { get; set; }
    public bool? Active { get; set; }

    public ProgramFilter Filter() => new(Kind, Active, Search);

    public PageRequest PageRequest() => new(Page ?? 1, PageSize ?? 25, null, false, Search);
}

public sealed class CommitmentQuery
{
    public int? Page { get; set; }
    public int? PageSize { get; set; }
    public string? Search { get; set; }
    public int? ProgramId { get; set; }
    public CommitmentStatus? Status { get; set; }
    public bool? OverdueOnly { get; set; }
    public CommitmentKind? Kind { get; set; }

    public CommitmentFilter Filter() => new(ProgramId, Status, OverdueOnly ?? false, Kind, Search);

    public PageRequest PageRequest() => new(Page ?? 1, PageSize ?? 25, null, false, Search);
}
