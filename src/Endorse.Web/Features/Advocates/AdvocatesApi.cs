using System.Security.Claims;
using Endorse.Advocates;
using Endorse.Fatigue;
using Endorse.Listing;
using Endorse.Matching;
using Endorse.Requests;
using Endorse.Settings;
using Endorse.Web.Api;
using Endorse.Web.Auth;
using Endorse.Web.Features.Accounts;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Endorse.Web.Features.Advocates;

/// <summary>/api/v1/advocates and /api/v1/program-settings.</summary>
public static class AdvocatesApi
{
    public static IServiceCollection AddAdvocates(this IServiceCollection services)
    {
        services.AddSingleton<AdvocateValidator>();
        services.AddScoped<AdvocateService>();
        services.AddScoped<ProgramSettingsService>();
        services.AddScoped<AdvocateWork>();
        return services;
    }

    public static RouteGroupBuilder MapAdvocatesApi(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        var group = api.MapGroup("/advocates").WithTags("Advocates");

        group.MapGet("/", ListAsync)
            .WithName("ListAdvocates")
            .WithSummary("List advocates")
            .WithDescription("One page of advocates sorted by the contact's last name (`desc=true` reverses). `search` matches the start of the last or first name. Filters: `status` (Candidate, Active, Resting, Retired, DoNotContact), `activityType`, `productId`, `accountId`. `total` stops counting at 10,000 (`totalIsCapped`).")
            .ProducesValidationProblem();

        group.MapGet("/export.csv", Export)
            .WithName("ExportAdvocates")
            .WithSummary("Export advocates as CSV")
            .WithDescription("Every advocate matching the same `search` and filters as the list, as a CSV file.")
            .Produces(StatusCodes.Status200OK, contentType: "text/csv");

        group.MapGet("/{id:int}", GetAsync)
            .WithName("GetAdvocate")
            .WithSummary("Get an advocate")
            .WithDescription("The advocate page: profile, preferences, contact and account facts, status history (newest first), usage timeline (newest first), participations in requests, the fatigue gauge (used of allowed in the window, next free date) and the account's readiness gates with their sentences. " +
                "Participations list only the requests the caller may read (the requester, reference managers, sales managers, executives and the owners of the proposed advocates' accounts); `otherRequests` counts the rest, and their activities stay in the timeline without `requestId` or `quality` (`requestHidden: true`).")
            .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapPost("/", EnrolAsync)
            .RequireAuthorization(Policies.ManageProgram)
            .WithName("EnrolAdvocate")
            .WithSummary("Enrol a contact as an advocate")
            .WithDescription("Enrols the contact `contactId` with a profile (activity types, product ids, languages, topics) and preferences (maxActivitiesPerQuarter, blackouts, preferredChannel). The advocate starts as a Candidate. A contact already enrolled is refused with 400 naming `contactId`. Reference managers and administrators only (403 for anyone else): everyone else nominates (POST /api/v1/nominations).")
            .Accepts<AdvocateInput>("application/json")
            .ProducesProblem(StatusCodes.Status403Forbidden);

        group.MapPost("/bulk", BulkEnrolAsync)
            .RequireAuthorization(Policies.ManageProgram)
            .WithName("BulkEnrolAdvocates")
            .WithSummary("Enrol several contacts")
            .WithDescription("Enrols each of `contactIds` (at most 500) with the same `profile`, starting as `initialStatus` (Candidate, the default, or Active), in one transaction. The answer lists every contact once: `enrolled` (with the new advocate id), `alreadyEnrolled` (left unchanged, with their advocate id), or `skipped` with a reason (unknown). Reference managers and administrators only.")
            .Accepts<BulkEnrolInput>("application/json")
            .ProducesProblem(StatusCodes.Status403Forbidden);

        group.MapPut("/{id:int}", UpdateAsync)
            .RequireAuthorization(Policies.ChangeCustomers)
            .WithName("UpdateAdvocate")
            .WithSummary("Change an advocate's profile and preferences")
            .WithDescription("Replaces activity types, products, languages, topics, the per-quarter limit, blackouts, the preferred channel and notes. `contactId` is ignored. " +
                "A replacement made at the same moment as another change is applied again on what is there now (the last one saved wins, whole); 409 when that keeps failing.")
            .Accepts<AdvocateInput>("application/json")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        group.MapPost("/{id:int}/status", ChangeStatusAsync)
            .RequireAuthorization(Policies.ManageProgram)
            .WithName("ChangeAdvocateStatus")
            .WithSummary("Change an advocate's status")
            .WithDescription("Moves the advocate to `status` and records who, when, from, to and `reason` in the history. Resting needs `restingUntil` (a date after today) or `untilFurtherNotice: true`. " +
                "Only reference managers and administrators change a status (403 for anyone else). " +
                "409 when the advocate already has that status (\"The advocate is already resting.\") or someone changed the advocate at the same moment.")
            .Accepts<StatusChangeInput>("application/json")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        return api;
    }

    public static RouteGroupBuilder MapProgramSettingsApi(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        var group = api.MapGroup("/program-settings").WithTags("Program settings");

        group.MapGet("/", async (ProgramSettingsService settings, CancellationToken cancellationToken) => TypedResults.Ok(await settings.GetAsync(cancellationToken)))
            .WithName("GetProgramSettings")
            .WithSummary("Get the program settings")
            .WithDescription("The fatigue policy (caps per advocate and per account, cool-down, rest rules), the match weights and the fulfilment mode of each activity type. Defaults when never saved.");

        group.MapPut("/fatigue-policy", UpdatePolicyAsync)
            .RequireAuthorization(Policies.ManageProgram)
            .WithName("UpdateFatiguePolicy")
            .WithSummary("Change the fatigue policy")
            .WithDescription("Replaces the fatigue policy. Caps need a limit of 0–10,000 and a window of 1–3,650 days. Reference managers and administrators only; audited.")
            .Accepts<FatiguePolicy>("application/json")
            .ProducesProblem(StatusCodes.Status403Forbidden);

        group.MapPut("/match-weights", UpdateWeightsAsync)
            .RequireAuthorization(Policies.ManageProgram)
            .WithName("UpdateMatchWeights")
            .WithSummary("Change the match weights")
            .WithDescription("Replaces the weights of the match score's factors: each zero or more, at least one above zero. Reference managers and administrators only; audited.")
            .Accepts<MatchWeights>("application/json")
            .ProducesProblem(StatusCodes.Status403Forbidden);

        group.MapPut("/fulfilment-modes", UpdateModesAsync)
            .RequireAuthorization(Policies.ManageProgram)
            .WithName("UpdateFulfilmentModes")
            .WithSummary("Change the fulfilment modes")
            .WithDescription("A JSON object from activity type to Managed or SelfServe; types left out keep Managed. Reference managers and administrators only; audited.")
            .Accepts<Dictionary<ActivityType, FulfilmentMode>>("application/json")
            .ProducesProblem(StatusCodes.Status403Forbidden);

        return api;
    }

    // Typed results: each handler's success and 400 answers are in its signature, and so in the document; 403, 404 and
    // 409 problem details stay declared with ProducesProblem (a ProblemHttpResult carries no status in its type).
    private static async Task<Ok<Page<AdvocateListRow>>> ListAsync(AdvocateService advocates, [AsParameters] AdvocateQuery query, CancellationToken cancellationToken) =>
        TypedResults.Ok(await advocates.ListAsync(query.Filter(), query.PageRequest(), cancellationToken));

    private static IResult Export(AdvocateService advocates, [AsParameters] AdvocateQuery query) =>
        ApiResults.Csv(advocates.Query(query.Filter(), query.Desc ?? false).AsAsyncEnumerable().Select(AdvocateCsvRow.From), "advocates.csv");

    private static async Task<Results<Ok<AdvocateDetails>, ProblemHttpResult>> GetAsync(int id, AdvocateService advocates, ClaimsPrincipal user, CancellationToken cancellationToken) =>
        await advocates.GetAsync(id, CustomerRequests.Actor(user), cancellationToken) is { } advocate
            ? TypedResults.Ok(advocate)
            : TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found", detail: $"There is no advocate {id}.");

    private static async Task<Results<Created<AdvocateDetails>, ValidationProblem, ProblemHttpResult>> EnrolAsync(HttpRequest request, AdvocateService advocates, ClaimsPrincipal user)
    {
        var (input, problem) = await CustomerRequests.ReadBodyAsync<AdvocateInput>(request);
        if (problem is not null)
        {
            return ApiResults.Typed<Created<AdvocateDetails>>(problem);
        }

        var result = await advocates.EnrolAsync(input!, CustomerRequests.Actor(user), request.HttpContext.RequestAborted);
        return ApiResults.Typed(result, created => TypedResults.Created($"/api/v1/advocates/{created.Id}", created));
    }

    private static async Task<Results<Ok<BulkEnrolResult>, ValidationProblem, ProblemHttpResult>> BulkEnrolAsync(HttpRequest request, AdvocateService advocates, ClaimsPrincipal user)
    {
        var (input, problem) = await CustomerRequests.ReadBodyAsync<BulkEnrolInput>(request);
        if (problem is not null)
        {
            return ApiResults.Typed<Ok<BulkEnrolResult>>(problem);
        }

        var result = await advocates.BulkEnrolAsync(input!, CustomerRequests.Actor(user), request.HttpContext.RequestAborted);
        return ApiResults.Typed(result, TypedResults.Ok);
    }

    private static async Task<Results<Ok<AdvocateDetails>, ValidationProblem, ProblemHttpResult>> UpdateAsync(int id, HttpRequest request, AdvocateService advocates, ClaimsPrincipal user)
    {
        var (input, problem) = await CustomerRequests.ReadBodyAsync<AdvocateInput>(request);
        if (problem is not null)
        {
            return ApiResults.Typed<Ok<AdvocateDetails>>(problem);
        }

        var result = await advocates.UpdateAsync(id, input!, CustomerRequests.Actor(user), request.HttpContext.RequestAborted);
        return ApiResults.Typed(result, TypedResults.Ok);
    }

    private static async Task<Results<Ok<AdvocateDetails>, ValidationProblem, ProblemHttpResult>> ChangeStatusAsync(int id, HttpRequest request, AdvocateService advocates, ClaimsPrincipal user)
    {
        var (input, problem) = await CustomerRequests.ReadBodyAsync<StatusChangeInput>(request);
        if (problem is not null)
        {
            return ApiResults.Typed<Ok<AdvocateDetails>>(problem);
        }

        var result = await advocates.ChangeStatusAsync(id, input!, CustomerRequests.Actor(user), request.HttpContext.RequestAborted);
        return ApiResults.Typed(result, TypedResults.Ok);
    }

    private static async Task<Results<Ok<ProgramSettingsView>, ValidationProblem, ProblemHttpResult>> UpdatePolicyAsync(HttpRequest request, ProgramSettingsService settings)
    {
        var (input, problem) = await CustomerRequests.ReadBodyAsync<FatiguePolicy>(request);
        return problem is not null
            ? ApiResults.Typed<Ok<ProgramSettingsView>>(problem)
            : ApiResults.Typed(await settings.UpdateFatiguePolicyAsync(input!, request.HttpContext.RequestAborted), TypedResults.Ok);
    }

    private static async Task<Results<Ok<ProgramSettingsView>, ValidationProblem, ProblemHttpResult>> UpdateWeightsAsync(HttpRequest request, ProgramSettingsService settings)
    {
        var (input, problem) = await CustomerRequests.ReadBodyAsync<MatchWeights>(request);
        return problem is not null
            ? ApiResults.Typed<Ok<ProgramSettingsView>>(problem)
            : ApiResults.Typed(await settings.UpdateMatchWeightsAsync(input!, request.HttpContext.RequestAborted), TypedResults.Ok);
    }

    private static async Task<Results<Ok<ProgramSettingsView>, ValidationProblem, ProblemHttpResult>> UpdateModesAsync(HttpRequest request, ProgramSettingsService settings)
    {
        var (input, problem) = await CustomerRequests.ReadBodyAsync<Dictionary<ActivityType, FulfilmentMode>>(request);
        return problem is not null
            ? ApiResults.Typed<Ok<ProgramSettingsView>>(problem)
            : ApiResults.Typed(await settings.UpdateFulfilmentModesAsync(input!, request.HttpContext.RequestAborted), TypedResults.Ok);
    }
}

/// <summary>The query string of the advocate list and export.</summary>
public sealed class AdvocateQuery
{
    public int? Page { get; set; }
    public int? PageSize { get; set; }
    public bool? Desc { get; set; }
    public string? Search { get; set; }
    public AdvocateStatus? Status { get; set; }
    public ActivityType? ActivityType { get; set; }
    public int? ProductId { get; set; }
    public int? AccountId { get; set; }

    public AdvocateFilter Filter() => new(Search, Status, ActivityType, ProductId, AccountId);

    public PageRequest PageRequest() => new(Page ?? 1, PageSize ?? 25, null, Desc ?? false, Search);
}
