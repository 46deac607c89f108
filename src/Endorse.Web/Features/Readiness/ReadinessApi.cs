using System.Globalization;
using System.Security.Claims;
using Endorse.Listing;
using Endorse.Readiness;
using Endorse.Web.Api;
using Endorse.Web.Auth;
using Endorse.Web.Features.Accounts;

namespace Endorse.Web.Features.Readiness;

/// <summary>Readiness gates: whether accounts may be approached now, and the gates people set on them.</summary>
public static class ReadinessApi
{
    public static IServiceCollection AddReadiness(this IServiceCollection services) =>
        services.AddSingleton<AccountSignals>().AddScoped<ReadinessService>().AddScoped<SourcingWork>();

    public static void MapReadinessApi(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        var group = api.MapGroup("/").WithTags("Readiness gates");

        group.MapGet("/accounts/{accountId:int}/readiness", async (int accountId, ReadinessService service, ClaimsPrincipal user, CancellationToken ct) =>
                await service.AccountAsync(accountId, OutcomeResults.ActorOf(user), ct) is { } gates
                    ? Results.Ok(gates)
                    : OutcomeResults.NotFound($"There is no account {accountId}."))
            .WithName("GetAccountReadiness").WithSummary("Whether an account may be approached now")
            .WithDescription("Today's readiness of the account: `approachable`, each gate that blocks it (`kind`, `label`, `sentence` — the same sentence matching, discovery and the account page show — `from`, `until`, `freeOn`), gates set to start later (`upcoming`), and `freeOn`, the first day it may be approached (null while a gate without an end blocks, such as an open escalation). Gates: low satisfaction, open service escalations, a big bid (an open opportunity at or above the program's amount), a reorganisation, a renewal within the quiet period, a no-publicity policy, a hold, an unhappy go-live. Also every gate ever set on it (`history`) and whether the caller may set and lift gates (`mayChange`).")
            .Produces<AccountGates>().ProducesProblem(StatusCodes.Status404NotFound);

        group.MapGet("/readiness", async (string? accountIds, ReadinessService service, CancellationToken ct) =>
            {
                var ids = new List<int>();
                foreach (var part in (accountIds ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                {
                    if (!int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var id))
                    {
                        return CustomerRequests.Invalid("accountIds", $"'{part}' is not an account id.");
                    }

                    ids.Add(id);
                }

                if (ids.Count == 0 || ids.Count > ReadinessService.MaxMany)
                {
                    return CustomerRequests.Invalid("accountIds", $"Give 1 to {ReadinessService.MaxMany} account ids, comma-separated.");
                }

                return Results.Ok(await service.EvaluateManyAsync(ids, ct));
            })
            .WithName("GetReadinessOfAccounts").WithSummary("Readiness of many accounts at once")
            .WithDescription("`accountIds`: 1–500 comma-separated account ids. Answers each known account's readiness today (as GET /accounts/{id}/readiness, without the history), in the order asked; unknown ids are left out.")
            .Produces<IReadOnlyList<AccountReadiness>>().ProducesValidationProblem();

        group.MapPost("/accounts/{accountId:int}/gates", async (int accountId, HttpRequest request, ReadinessService service, ClaimsPrincipal user) =>
            {
                var (input, problem) = await CustomerRequests.ReadBodyAsync<GateInput>(request);
                return problem ?? OutcomeResults.From(
                    await service.SetAsync(accountId, input!, OutcomeResults.ActorOf(user), request.HttpContext.RequestAborted),
                    row => TypedResults.Created($"/api/v1/accounts/{accountId}/readiness", row));
            })
            .RequireAuthorization(Policies.ChangeCustomers)
            .WithName("SetAccountGate").WithSummary("Set a gate on an account")
            .WithDescription("Sets a reorganisation (`kind`: Reorganisation) or a hold (`kind`: OnHold) from `startsOn` to `endsOn` (both included; yyyy-MM-dd) with a `reason`. Every gate a person sets has an end: a gate that ends before it starts, or that would already have ended, or that lasts over 1,096 days is refused with 400 naming the field. The same people who may change the account may set gates (403 otherwise). Audited; matching and discovery obey it at once.")
            .Accepts<GateInput>("application/json")
            .Produces<SetGateRow>(StatusCodes.Status201Created).ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);

        group.MapPost("/accounts/{accountId:int}/gates/{gateId:int}/lift", async (int accountId, int gateId, HttpRequest request, ReadinessService service, ClaimsPrincipal user) =>
            {
                var input = new LiftInput();
                if (request.ContentLength is > 0 || request.HasJsonContentType())
                {
                    var (body, problem) = await CustomerRequests.ReadBodyAsync<LiftInput>(request);
                    if (problem is not null)
                    {
                        return problem;
                    }

                    input = body!;
                }

                return OutcomeResults.From(await service.LiftAsync(accountId, gateId, input, OutcomeResults.ActorOf(user), request.HttpContext.RequestAborted), TypedResults.Ok);
            })
            .RequireAuthorization(Policies.ChangeCustomers)
            .WithName("LiftAccountGate").WithSummary("Lift a gate early")
            .WithDescription("Lifts a gate set by a person (or an unhappy go-live gate) before its end: it stops gating today. Optional body: `reason`, and the gate's `updatedAt` (a gate changed since answers 409). A gate already lifted or already ended answers 409 with the reason. Audited.")
            .Produces<SetGateRow>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);

        group.MapGet("/gates", async ([AsParameters] GateQuery query, ReadinessService service, CancellationToken ct) =>
                query.Problem() ?? Results.Ok(await service.ListAsync(query.Filter(), query.PageRequest(), ct)))
            .WithName("ListGates").WithSummary("List the gates people set")
            .WithDescription("One page of the gates set on accounts (reorganisations, holds, unhappy go-lives), newest start first. Filters: `accountId`, `kind` (Reorganisation, OnHold, UnhappyOnboarding), `state` (Upcoming, Active, Ended, Lifted); `search` matches the start of the account name. `total` stops counting at 10,000.")
            .Produces<Page<SetGateRow>>().ProducesValidationProblem();

        group.MapGet("/gates/export.csv", ([AsParameters] GateQuery query, ReadinessService service) =>
                query.Problem() ?? ApiResults.Csv(service.ExportAsync(query.Filter()), "gates.csv"))
            .WithName("ExportGates").WithSummary("Export the gates as CSV")
            .WithDescription("Every gate matching the same filters and `search` as the list, as a CSV file.")
            .Produces(StatusCodes.Status200OK, contentType: "text/csv").ProducesValidationProblem();
    }
}

/// <summary>The query string of the gate list.</summary>
public sealed class GateQuery
{
    public int? Page { get; set; }
    public int? PageSize { get; set; }
    public string? Search { get; set; }
    public int? AccountId { get; set; }
    public GateKind? Kind { get; set; }
    public GateState? State { get; set; }

    public IResult? Problem() =>
        Kind is { } kind && !GateKinds.IsSetByPeople(kind) ? CustomerRequests.Invalid("kind", "Only gates people set are listed: Reorganisation, OnHold or UnhappyOnboarding.")
        : State is { } state && !Enum.IsDefined(state) ? CustomerRequests.Invalid("state", "Not a gate state.")
        : null;

    public GateFilter Filter() => new(AccountId, Kind, State, Search);

    public PageRequest PageRequest() => new(Page ?? 1, PageSize ?? 25, null, false, Search);
}
