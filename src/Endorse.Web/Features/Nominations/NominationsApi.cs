using System.Security.Claims;
using Endorse.Data;
using Endorse.Listing;
using Endorse.Matching;
using Endorse.Nominations;
using Endorse.Notifications;
using Endorse.Requests;
using Endorse.Web.Api;
using Endorse.Web.Auth;
using Endorse.Web.Features.Accounts;
using Endorse.Web.Features.Requests;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Endorse.Web.Features.Nominations;

/// <summary>/api/v1/nominations, /api/v1/pool and the pool rules of the program settings.</summary>
public static class NominationsApi
{
    public static IServiceCollection AddNominations(this IServiceCollection services) =>
        services.AddScoped<NominationService>().AddScoped<PoolAccess>();

    /// <summary>Builds the service over a page's own DbContext (audited as the signed-in person).</summary>
    public static NominationService Service(EndorseDbContext db, TimeProvider clock, MailSettings mail, MatchIndex index) => new(db, new Notifier(db, clock, mail), clock, index);

    /// <summary>Problem details for every failure, in the nomination's words.</summary>
    public static IResult From<T>(RequestOutcome<T> result, Func<T, IResult> onSuccess)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(onSuccess);
        if (result.NotFound)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found", detail: "There is no such nomination, or it is not yours to see.");
        }

        if (result.Forbidden)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Forbidden", detail: "You may not take this step on this nomination.");
        }

        if (result.Errors is not null)
        {
            return TypedResults.ValidationProblem(result.Errors.ToDictionary(), title: "The nomination cannot be made as sent.");
        }

        if (result.Conflict is not null)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Not possible now", detail: result.Conflict);
        }

        return onSuccess(result.Value!);
    }

    /// <summary>
    /// <see cref="From{T}"/> for handlers that declare their answers in their signature (typed results): the success
    /// answer, a validation problem (400), or another problem detail (403, 404, 409; documented with ProducesProblem).
    /// </summary>
    public static Results<TOk, ValidationProblem, ProblemHttpResult> Typed<T, TOk>(RequestOutcome<T> result, Func<T, TOk> onSuccess)
        where TOk : IResult
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(onSuccess);
        return result.Succeeded ? onSuccess(result.Value!) : ApiResults.Typed<TOk>(From(result, _ => TypedResults.Ok()));
    }

    // Typed results: each handler's success and 400 answers are in its signature, and so in the document; 403, 404, 409
    // and 415 problem details stay declared with ProducesProblem (a ProblemHttpResult carries no status in its type).
    public static RouteGroupBuilder MapNominationsApi(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        var group = api.MapGroup("/nominations").WithTags("Nominations");

        group.MapPost("/", async Task<Results<Created<NominationDetails>, ValidationProblem, ProblemHttpResult>> (HttpRequest request, NominationService service, ClaimsPrincipal user) =>
            {
                var (input, problem) = await CustomerRequests.ReadBodyAsync<NominationInput>(request);
                return problem is not null
                    ? ApiResults.Typed<Created<NominationDetails>>(problem)
                    : Typed(await service.SubmitAsync(input!, RequestsApi.ActorOf(user), request.HttpContext.RequestAborted), n => TypedResults.Created($"/api/v1/nominations/{n.Id}", n));
            })
            .WithName("NominateContact").WithSummary("Nominate a contact as an advocate")
            .WithDescription("Any employee nominates a customer's contact: `contactId`, `kind` (HappyCustomer or PocketReference), `reason` (why, required, ≤ 2000 characters), " +
                "`activityTypes` and `productIds` they would speak to, and for a pocket reference `reserveForMe` (kept for the nominator's own deals for the days set in the pool rules once approved). " +
                "It goes to the reference team's review queue. Refused with 400 naming `contactId` when the contact is already an advocate, marked do-not-contact, " +
                "at an account that is not a customer or has a no-publicity policy; 409 when the contact already has an open nomination (also when two nominations race: one wins).")
            .Accepts<NominationInput>("application/json")
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);

        group.MapGet("/check", async Task<Results<Ok<NominationCheck>, ProblemHttpResult>> (int contactId, NominationService service, ClaimsPrincipal user, CancellationToken ct) =>
                await service.CheckAsync(contactId, RequestsApi.ActorOf(user), ct) is { } check
                    ? TypedResults.Ok(check)
                    : TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found", detail: $"There is no contact {contactId}."))
            .WithName("CheckNomination").WithSummary("Check whether a contact can be nominated")
            .WithDescription("Before nominating: the contact and account, every reason they cannot be nominated now (`refusals`, empty when they can; `openNominationId` when one is open), " +
                "the account's products (a good default for `productIds`) and whether the account owner will be asked to approve.")
            .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapGet("/", async Task<Results<Ok<Page<NominationRow>>, ProblemHttpResult>> (NominationService service, ClaimsPrincipal user, [AsParameters] NominationQuery query, CancellationToken ct) =>
            {
                var actor = RequestsApi.ActorOf(user);
                if (query.View == NominationView.Queue && !NominationRules.IsReferenceTeam(actor))
                {
                    return TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Forbidden", detail: "The review queue is for the reference team.");
                }

                return TypedResults.Ok(await service.ListAsync(query.Filter(), query.PageRequest(), actor, ct));
            })
            .WithName("ListNominations").WithSummary("List nominations")
            .WithDescription("`view`: Mine (default: the caller's nominations, newest first), Queue (reference team: the longest waiting first) or MyAccounts (nominations at accounts the caller owns). " +
                "Filters: `status`, `kind`, `open=true` (waiting for review, an answer or the owner), `waitingTooLong=true` (open and waiting in its state over 7 days; each row says `waitingTooLong`), " +
                "`search` (start of the contact's last or first name, or of the account name). Pages with `page` and `pageSize`.")
            .ProducesProblem(StatusCodes.Status403Forbidden);

        group.MapGet("/export.csv", (NominationService service, ClaimsPrincipal user, [AsParameters] NominationQuery query) =>
            {
                var actor = RequestsApi.ActorOf(user);
                return query.View == NominationView.Queue && !NominationRules.IsReferenceTeam(actor)
                    ? TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Forbidden", detail: "The review queue is for the reference team.")
                    : ApiResults.Csv(service.ExportAsync(query.Filter(), actor), "nominations.csv");
            })
            .WithName("ExportNominations").WithSummary("Export nominations as CSV")
            .WithDescription("Every nomination of the same `view`, filters and `search` as the list, as a CSV file.")
            .Produces(StatusCodes.Status200OK, contentType: "text/csv").ProducesProblem(StatusCodes.Status403Forbidden);

        group.MapGet("/{id:int}", async Task<Results<Ok<NominationDetails>, ProblemHttpResult>> (int id, NominationService service, ClaimsPrincipal user, CancellationToken ct) =>
                await service.GetAsync(id, RequestsApi.ActorOf(user), ct) is { } nomination
                    ? TypedResults.Ok(nomination)
                    : TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found", detail: "There is no such nomination, or it is not yours to see."))
            .WithName("GetNomination").WithSummary("Get a nomination")
            .WithDescription("The nomination, its dated history (questions, answers and reasons included), whether it has waited over 7 days, notes on activities the account's " +
                "permission does not allow yet, and `actions`: the steps the caller may take now. Readable by the nominator, the reference team and the account owner; others get 404.")
            .ProducesProblem(StatusCodes.Status404NotFound);

        Step(group, "approve", "ApproveNomination", "Approve a nomination (review)",
            "The reference team approves after review. When the nominator is not the account owner, the owner is asked (inbox and mail) to approve the approach; " +
                "otherwise the contact becomes a Candidate advocate at once. The nominator is told.",
            (s, id, a, ct) => s.ApproveAsync(id, a, ct));
        NoteStep(group, "ask", "AskAboutNomination", "Ask the nominator for more",
            "The reference team asks a question (`note`); the nominator is told (inbox and mail) and the nomination waits for their answer.",
            (s, id, n, a, ct) => s.AskAsync(id, n, a, ct));
        NoteStep(group, "answer", "AnswerAboutNomination", "Answer the reference team",
            "The nominator answers (`note`); the nomination is back in the review queue and the reviewer is told.",
            (s, id, n, a, ct) => s.AnswerAsync(id, n, a, ct));
        NoteStep(group, "decline", "DeclineNomination", "Decline a nomination",
            "The reference team declines with a reason (`note`); the nominator is told. A reference manager may reopen it.",
            (s, id, n, a, ct) => s.DeclineAsync(id, n, a, ct));
        Step(group, "owner-approve", "OwnerApproveNomination", "Approve the approach (account owner)",
            "The account owner approves: the contact becomes a Candidate advocate linked to this nomination and its nominator for ever; a pocket reference asked to be " +
                "reserved is kept for the nominator's deals for the configured days. The nominator is told (inbox and mail).",
            (s, id, a, ct) => s.OwnerApproveAsync(id, a, ct));
        NoteStep(group, "owner-decline", "OwnerDeclineNomination", "Decline the approach (account owner)",
            "The account owner declines with a reason (`note`); the nominator and the reviewer are told.",
            (s, id, n, a, ct) => s.OwnerDeclineAsync(id, n, a, ct));
        Step(group, "withdraw", "WithdrawNomination", "Withdraw a nomination",
            "The nominator takes back an open nomination.",
            (s, id, a, ct) => s.WithdrawAsync(id, a, ct));
        Step(group, "reopen", "ReopenNomination", "Reopen a declined nomination",
            "A reference manager puts a declined nomination back in the review queue (refused as at submission when the contact can no longer be nominated). The nominator is told.",
            (s, id, a, ct) => s.ReopenAsync(id, a, ct));
        Step(group, "release", "ReleaseReservation", "End a pocket reference's reservation",
            "The nominator (or the reference team) opens a reserved pocket reference to the whole pool before its reservation ends.",
            (s, id, a, ct) => s.ReleaseAsync(id, a, ct));

        api.MapGroup("/pool").WithTags("Nominations")
            .MapGet("/me", async (PoolAccess pool, ClaimsPrincipal user, CancellationToken ct) =>
                TypedResults.Ok(await pool.StandingAsync(user.FindFirstValue(ClaimTypes.NameIdentifier), [.. Endorse.Users.Roles.All.Where(user.IsInRole)], ct)))
            .WithName("GetMyPool").WithSummary("My place in the pool")
            .WithDescription("The pool rules, how many of the caller's nominations were approved in the counted months, whether that makes them a contributor, " +
                "whether their pool is narrowed to their own accounts' advocates and pocket references, and that in a sentence.");

        var settings = api.MapGroup("/program-settings/pool-rules").WithTags("Program settings");
        settings.MapGet("/", async (PoolAccess pool, CancellationToken ct) => TypedResults.Ok(await pool.SettingsAsync(ct)))
            .WithName("GetPoolRules").WithSummary("Get the pool rules")
            .WithDescription("`mode` (OpenPool or ContributorsOnly), `minApprovedNominations` (N) in the last `windowMonths` (M) that make a rep a contributor, and `pocketReserveDays`: how long an approved pocket reference stays reserved for its rep.");
        settings.MapPut("/", async Task<Results<Ok<PoolRulesSettings>, ValidationProblem, ProblemHttpResult>> (HttpRequest request, PoolAccess pool) =>
            {
                var (input, problem) = await CustomerRequests.ReadBodyAsync<PoolRulesSettings>(request);
                return problem is not null
                    ? ApiResults.Typed<Ok<PoolRulesSettings>>(problem)
                    : ApiResults.Typed(await pool.UpdateSettingsAsync(input, request.HttpContext.RequestAborted), TypedResults.Ok);
            })
            .RequireAuthorization(Policies.ManageProgram)
            .WithName("UpdatePoolRules").WithSummary("Change the pool rules")
            .WithDescription("Replaces the pool rules: N 1–1000, M 1–120 months, 0–3650 reserve days (0: pocket references are never reserved). Reference managers and administrators only; audited.")
            .Accepts<PoolRulesSettings>("application/json")
            .ProducesProblem(StatusCodes.Status403Forbidden);
        return api;
    }

    private static void Step(RouteGroupBuilder group, string action, string name, string summary, string description,
        Func<NominationService, int, RequestActor, CancellationToken, Task<RequestOutcome<NominationDetails>>> step) =>
        group.MapPost($"/{{id:int}}/{action}", async Task<Results<Ok<NominationDetails>, ValidationProblem, ProblemHttpResult>> (int id, NominationService service, ClaimsPrincipal user, CancellationToken ct) =>
                Typed(await step(service, id, RequestsApi.ActorOf(user), ct), TypedResults.Ok))
            .WithName(name).WithSummary(summary).WithDescription(description)
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

    private static void NoteStep(RouteGroupBuilder group, string action, string name, string summary, string description,
        Func<NominationService, int, NominationNote, RequestActor, CancellationToken, Task<RequestOutcome<NominationDetails>>> step) =>
        group.MapPost($"/{{id:int}}/{action}", async Task<Results<Ok<NominationDetails>, ValidationProblem, ProblemHttpResult>> (int id, HttpRequest request, NominationService service, ClaimsPrincipal user) =>
            {
                var (input, problem) = await CustomerRequests.ReadBodyAsync<NominationNote>(request);
                return problem is not null
                    ? ApiResults.Typed<Ok<NominationDetails>>(problem)
                    : Typed(await step(service, id, input!, RequestsApi.ActorOf(user), request.HttpContext.RequestAborted), TypedResults.Ok);
            })
            .WithName(name).WithSummary(summary).WithDescription(description)
            .Accepts<NominationNote>("application/json")
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status415UnsupportedMediaType);
}

/// <summary>The query string of the nomination lists and export.</summary>
public sealed class NominationQuery
{
    public int? Page { get; set; }
    public int? PageSize { get; set; }
    public NominationView? View { get; set; }
    public NominationStatus? Status { get; set; }
    public NominationKind? Kind { get; set; }
    public bool? Open { get; set; }
    public bool? WaitingTooLong { get; set; }
    public string? Search { get; set; }

    public NominationFilter Filter() => new(View ?? NominationView.Mine, Status, Kind, Open ?? false, WaitingTooLong ?? false, Search);

    public PageRequest PageRequest() => new(Page ?? 1, PageSize ?? 25, null, false, Search);
}
