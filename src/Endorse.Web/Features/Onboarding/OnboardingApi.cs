using System.Security.Claims;
using Endorse.Data;
using Endorse.Listing;
using Endorse.Onboarding;
using Endorse.Settings;
using Endorse.Web.Api;
using Endorse.Web.Auth;
using Endorse.Web.Features.Accounts;

namespace Endorse.Web.Features.Onboarding;

/// <summary>Onboarding check-ins: a plan for each new customer, shown as due and overdue tasks.</summary>
public static class OnboardingApi
{
    public static IServiceCollection AddOnboarding(this IServiceCollection services) => services.AddScoped<OnboardingService>();

    public static void MapOnboardingApi(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        var group = api.MapGroup("/onboarding").WithTags("Onboarding check-ins").RequireAuthorization(Policies.ReadCustomers);

        group.MapGet("/check-ins", async ([AsParameters] CheckInQuery query, OnboardingService service, CancellationToken ct) =>
                Results.Ok(await service.ListAsync(query.Filter(), query.PageRequest(), ct)))
            .WithName("ListCheckIns").WithSummary("List check-ins")
            .WithDescription("One page of check-ins, open ones first by due day. Filters: `state` (Upcoming, Due — within the notice days —, Overdue, Done), `kind` (Introduction, MidImplementation, GoLive, FollowUp), `accountId`, `openOnly=true`; `search` matches the start of the account name.")
            .Produces<Page<CheckInRow>>().ProducesValidationProblem();

        group.MapGet("/check-ins/export.csv", ([AsParameters] CheckInQuery query, OnboardingService service) =>
                ApiResults.Csv(service.ExportAsync(query.Filter()), "check-ins.csv"))
            .WithName("ExportCheckIns").WithSummary("Export check-ins as CSV")
            .WithDescription("Every check-in matching the same filters and `search` as the list, as a CSV file.")
            .Produces(StatusCodes.Status200OK, contentType: "text/csv");

        group.MapGet("/counts", async (OnboardingService service, CancellationToken ct) => Results.Ok(await service.CountsAsync(ct)))
            .WithName("CountCheckIns").WithSummary("How many check-ins are due and overdue")
            .WithDescription("Open check-ins: due (today or within the notice days), overdue, and upcoming.")
            .Produces<CheckInCounts>();

        group.MapGet("/plans/{accountId:int}", async (int accountId, OnboardingService service, CancellationToken ct) =>
                await service.PlanOfAccountAsync(accountId, ct) is { } plan ? Results.Ok(plan) : OutcomeResults.NotFound($"Account {accountId} has no check-in plan."))
            .WithName("GetCheckInPlan").WithSummary("An account's check-in plan")
            .WithDescription("The account's plan: kick-off day, outcome (Pending, Happy, Unhappy) and its check-ins.")
            .Produces<PlanView>().ProducesProblem(StatusCodes.Status404NotFound);

        group.MapPost("/plans", async (HttpRequest request, OnboardingService service, ClaimsPrincipal user) =>
            {
                var (input, problem) = await CustomerRequests.ReadBodyAsync<PlanInput>(request);
                return problem ?? OutcomeResults.From(await service.StartAsync(input!, OutcomeResults.ActorOf(user), request.HttpContext.RequestAborted),
                    plan => TypedResults.Created($"/api/v1/onboarding/plans/{plan.AccountId}", plan));
            })
            .WithName("StartCheckInPlan").WithSummary("Start a check-in plan by hand")
            .WithDescription("Plans are made for new customers by themselves (every minute); this starts one for `accountId` now, from `kickOffOn` (default: its customer-since date). Reference managers, administrators and customer success. 409 when the account is not a customer or already has a plan.")
            .Accepts<PlanInput>("application/json")
            .Produces<PlanView>(StatusCodes.Status201Created).ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status409Conflict);

        group.MapPost("/check-ins/{id:int}/complete", async (int id, HttpRequest request, OnboardingService service, ClaimsPrincipal user) =>
            {
                var (input, problem) = await CustomerRequests.ReadBodyAsync<CheckInCompletion>(request);
                return problem ?? OutcomeResults.From(await service.CompleteAsync(id, input!, OutcomeResults.ActorOf(user), request.HttpContext.RequestAborted), TypedResults.Ok);
            })
            .WithName("CompleteCheckIn").WithSummary("Record a check-in")
            .WithDescription("Records that the check-in happened on `completedOn` (default today, never in the future) with `notes`. The go-live check-in (and a follow-up) needs `outcome`: Happy makes the customer a discovery candidate (\"onboarded happily\"); Unhappy needs notes saying what is wrong, gates the account (not asked) for the program's days and plans a follow-up. 409 when it was already recorded.")
            .Accepts<CheckInCompletion>("application/json")
            .Produces<CheckInRow>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);

        group.MapPost("/check-ins/{id:int}/reschedule", async (int id, HttpRequest request, OnboardingService service, ClaimsPrincipal user) =>
            {
                var (input, problem) = await CustomerRequests.ReadBodyAsync<CheckInReschedule>(request);
                return problem ?? OutcomeResults.From(await service.RescheduleAsync(id, input!, OutcomeResults.ActorOf(user), request.HttpContext.RequestAborted), TypedResults.Ok);
            })
            .WithName("RescheduleCheckIn").WithSummary("Move a check-in's due day")
            .WithDescription("Moves an open check-in to `dueOn` (today or later); its notices go out again for the new day.")
            .Accepts<CheckInReschedule>("application/json")
            .Produces<CheckInRow>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);

        group.MapGet("/settings", async (EndorseDbContext db, CancellationToken ct) => Results.Ok(await SourcingSettings.ReadAsync(db, ct)))
            .WithName("GetOnboardingSettings").WithSummary("Check-in and commitment settings")
            .WithDescription("Days from the kick-off to each check-in, how recent a customer must be to get a plan, how long an unhappy go-live gates the account, and how early check-ins and executive commitments are announced.")
            .Produces<SourcingSettings>();

        group.MapPut("/settings", async (HttpRequest request, EndorseDbContext db, TimeProvider clock) =>
            {
                var (input, problem) = await CustomerRequests.ReadBodyAsync<SourcingSettings>(request);
                return problem ?? ApiResults.From(await SourcingSettings.SaveAsync(db, input, clock, request.HttpContext.RequestAborted), TypedResults.Ok);
            })
            .RequireAuthorization(Policies.ManageProgram)
            .WithName("UpdateOnboardingSettings").WithSummary("Change check-in and commitment settings")
            .WithDescription("Reference managers and administrators. The check-ins must come in order (introduction ≤ mid-implementation ≤ go-live days). New plans use the new offsets; existing check-ins keep their days. Audited.")
            .Accepts<SourcingSettings>("application/json")
            .Produces<SourcingSettings>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden);
    }
}

/// <summary>The query string of the check-in list and its export.</summary>
public sealed class CheckInQuery
{
    public int? Page { get; set; }
    public int? PageSize { get; set; }
    public string? Search { get; set; }
    public CheckInState? State { get; set; }
    public CheckInKind? Kind { get; set; }
    public int? AccountId { get; set; }
    public bool? OpenOnly { get; set; }

    public CheckInFilter Filter() => new(State, Kind, AccountId, Search, OpenOnly ?? false);

    public PageRequest PageRequest() => new(Page ?? 1, PageSize ?? 25, null, false, Search);
}
