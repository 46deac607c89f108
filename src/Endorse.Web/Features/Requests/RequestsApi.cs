using System.Security.Claims;
using Endorse.Listing;
using Endorse.Requests;
using Endorse.Users;
using Endorse.Web.Api;
using Endorse.Web.Auth;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Endorse.Web.Features.Requests;

/// <summary>The reference request endpoints: submit, list, the board, details and every step of the workflow.</summary>
public static class RequestsApi
{
    public static IServiceCollection AddRequests(this IServiceCollection services) => services.AddScoped<RequestService>();

    /// <summary>The actor behind a request or a page's signed-in user.</summary>
    public static RequestActor ActorOf(ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return new(user.FindFirstValue(ClaimTypes.NameIdentifier) ?? string.Empty, user.Identity?.Name, [.. Roles.All.Where(user.IsInRole)]);
    }

    /// <summary>Problem details for every failure; the workflow's refusal sentence in a 409.</summary>
    public static IResult From<T>(RequestOutcome<T> result, Func<T, IResult> onSuccess)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(onSuccess);
        if (result.NotFound)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found");
        }

        if (result.Forbidden)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Forbidden", detail: "You may not take this step on this request.");
        }

        if (result.Errors is not null)
        {
            return TypedResults.ValidationProblem(result.Errors.ToDictionary(), title: "The request has invalid fields.");
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

    // Typed results: each handler's success and 400 answers are in its signature, and so in the document; 403, 404 and
    // 409 problem details stay declared with ProducesProblem (a ProblemHttpResult carries no status in its type).
    public static void MapRequestsApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/requests").WithTags("Requests");
        group.MapPost("/", async Task<Results<Created<RequestDetails>, ValidationProblem, ProblemHttpResult>> (RequestInput input, RequestService service, ClaimsPrincipal user, CancellationToken ct) =>
                Typed(await service.SubmitAsync(input, ActorOf(user), ct), r => TypedResults.Created($"/api/v1/requests/{r.Id}", r)))
            .WithName("SubmitRequest").WithSummary("Submit a reference request")
            .WithDescription("The caller is the requester. Give `opportunityId` or `prospectName`, the `activityType`, optional criteria " +
                "(`productIds`, `sectorId`, `regionId`, `sizeBand`, `minimumSeniority`, `language`), " +
                "`advocatesNeeded` (1–10, default 1) and `neededBy` (yyyy-MM-dd, today or later). The fulfilment mode comes from the program settings (default Managed).");
        group.MapGet("/", async Task<Results<Ok<Page<RequestRow>>, ProblemHttpResult>> (RequestService service, ClaimsPrincipal user, [AsParameters] RequestQuery query, CancellationToken ct) =>
            {
                var actor = ActorOf(user);
                if (query.Board == true)
                {
                    if (!actor.IsReferenceManager)
                    {
                        return TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Forbidden", detail: "The board is for reference managers.");
                    }

                    return TypedResults.Ok(await service.BoardAsync(new BoardFilter(query.Status, query.Overdue), query.ToPageRequest(), ct));
                }

                return TypedResults.Ok(await service.ListMineAsync(actor, query.ToPageRequest(), ct));
            })
            .WithName("ListRequests").WithSummary("List my requests, or the board")
            .WithDescription("Without `board`: the caller's requests, newest first. With `board=true` (reference managers): open requests, " +
                "the earliest needed-by (overdue) first, each flagged `overdue` or `dueSoon` (within 72 hours); filters `status` and `overdue=true`.")
            .ProducesProblem(StatusCodes.Status403Forbidden);
        group.MapGet("/{id:int}", async Task<Results<Ok<RequestDetails>, ProblemHttpResult>> (int id, RequestService service, ClaimsPrincipal user, CancellationToken ct) =>
                await service.GetAsync(id, ActorOf(user), ct) is { } request
                    ? TypedResults.Ok(request)
                    : TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found"))
            .WithName("GetRequest").WithSummary("Get a request")
            .WithDescription("A request with its participants (and the actions the caller may take on each) and its dated history. " +
                "Readable by the requester, reference managers, sales managers, executives and the owners of the proposed advocates' accounts; " +
                "anyone else gets 404, as for a request that does not exist.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapGet("/{id:int}/matches", async Task<Results<Ok<Endorse.Matching.MatchResponse>, ValidationProblem, ProblemHttpResult>> (int id, int? top, int? excludedOffset, int? excludedLimit, RequestService service, ClaimsPrincipal user, CancellationToken ct) =>
                Typed(await service.MatchesAsync(id, ActorOf(user), top ?? 25, excludedOffset ?? 0, excludedLimit ?? Endorse.Matching.MatchService.DefaultExcluded, ct), TypedResults.Ok))
            .WithName("MatchRequest").WithSummary("Rank advocates for a request")
            .WithDescription("Every eligible advocate ranked for the request's activity type and criteria, best first (`top`, 1–200, default 25), " +
                "each score explained factor by factor; the excluded advocates counted by reason (`excludedByReason`), and a page of them " +
                "(`excludedLimit`, 1–200, default 50, from `excludedOffset`, default 0) with their reasons (resting, cap reached, open escalation, permission, blackout, do-not-contact…). " +
                "The requester's pool rules apply (whoever looks): advocates hidden from the requester are only counted by reason in `hidden`. " +
                "For those who may read the request (requester, reference managers, sales managers, executives); anyone else gets 404.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPost("/{id:int}/participants", async Task<Results<Ok<RequestDetails>, ValidationProblem, ProblemHttpResult>> (int id, ProposeInput input, RequestService service, ClaimsPrincipal user, CancellationToken ct) =>
                Typed(await service.ProposeAsync(id, input, ActorOf(user), ct), TypedResults.Ok))
            .WithName("ProposeAdvocates").WithSummary("Propose advocates")
            .WithDescription("Adds advocates (`advocateIds`, at most as many as the request still needs) to the request: the reference manager in managed mode, " +
                "the requester in self-serve. Each must do the activity and be free under the fatigue policy today or by the needed-by date. " +
                "Each waits for the account owner's approval unless the picker owns the account; otherwise the advocate is asked at once by e-mail. " +
                "Proposals made at the same moment are taken one after the other: 409 when the request already has the advocates it needs, " +
                "or more are picked than it still needs, or an advocate is already on it (each saying so).")
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        Step(group, "approve", "ApproveParticipant", "Approve an approach", "The account owner (or a reference manager) approves; the advocate is asked by e-mail.",
            (service, id, pid, actor, ct) => service.ApproveAsync(id, pid, actor, ct));
        StepWith<BlockInput>(group, "block", "BlockParticipant", "Block an approach",
            "The account owner (or a reference manager) blocks the approach with a `reason` (ObjectionReason) and an optional `note`.",
            (service, id, pid, input, actor, ct) => service.BlockAsync(id, pid, input, actor, ct));
        Step(group, "ask", "AskParticipant", "Send the advocate's link again", "Creates a new 14-day link and e-mails it to the advocate; the old link stops working.",
            (service, id, pid, actor, ct) => service.AskAsync(id, pid, actor, ct));
        StepWith<ScheduleInput>(group, "schedule", "ScheduleParticipant", "Book one of the offered times",
            "Books the advocate at `slot` (one of the offered times). The fatigue policy is re-checked in the same transaction; " +
                "409 when it no longer allows the booking or someone else just booked the advocate. `minutes` (15–480, default 30) and `joining` " +
                "(how to join: a video link, a phone number or an address; optional, at most 500 characters) go into the calendar invitation, " +
                "which is e-mailed to the advocate and the requester in the advocate's time zone.",
            (service, id, pid, input, actor, ct) => service.ScheduleAsync(id, pid, input, actor, ct));
        StepWith<FeedbackInput>(group, "complete", "CompleteParticipant", "Record that it happened, with feedback",
            "The requester or a reference manager, once the booked time has come: `happened`, `quality` 1–5, `wouldUseAgain`, `comment`. " +
                "`happened=false` records a no-show. On completion the advocate is mailed a link to give their own feedback.",
            (service, id, pid, input, actor, ct) => service.CompleteAsync(id, pid, input, actor, ct));
        StepWith<AdvocateFeedbackInput>(group, "advocate-feedback", "RecordAdvocateFeedback", "Record the advocate's feedback",
            "A reference manager records what the advocate thought of a completed activity (given by phone or mail): `rating` 1–5 and an optional `comment`. " +
                "Advocates give it themselves through the link mailed after completion; only the first feedback is kept.",
            (service, id, pid, input, actor, ct) => service.RecordAdvocateFeedbackAsync(id, pid, input, actor, ct));
        Step(group, "no-show", "NoShowParticipant", "Record a no-show", "The booked activity stops counting against the caps.",
            (service, id, pid, actor, ct) => service.NoShowAsync(id, pid, actor, ct));
        Step(group, "cancel", "CancelParticipant", "Cancel an approach", "The booked activity, if any, stops counting against the caps.",
            (service, id, pid, actor, ct) => service.CancelParticipantAsync(id, pid, actor, ct));
        group.MapPost("/{id:int}/cancel", async Task<Results<Ok<RequestDetails>, ValidationProblem, ProblemHttpResult>> (int id, RequestService service, ClaimsPrincipal user, CancellationToken ct) =>
                Typed(await service.CancelAsync(id, ActorOf(user), ct), TypedResults.Ok))
            .WithName("CancelRequest").WithSummary("Cancel a request")
            .WithDescription("The requester or a reference manager cancels the whole request; every open approach is cancelled.")
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
    }

    /// <summary>A step on one approach that takes a JSON body.</summary>
    private static void StepWith<TInput>(
        RouteGroupBuilder group,
        string action,
        string name,
        string summary,
        string description,
        Func<RequestService, int, int, TInput, RequestActor, CancellationToken, Task<RequestOutcome<RequestDetails>>> step) =>
        group.MapPost($"/{{id:int}}/participants/{{pid:int}}/{action}", async Task<Results<Ok<RequestDetails>, ValidationProblem, ProblemHttpResult>> (int id, int pid, TInput input, RequestService service, ClaimsPrincipal user, CancellationToken ct) =>
                Typed(await step(service, id, pid, input, ActorOf(user), ct), TypedResults.Ok))
            .WithName(name).WithSummary(summary).WithDescription(description)
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

    private static void Step(
        RouteGroupBuilder group,
        string action,
        string name,
        string summary,
        string description,
        Func<RequestService, int, int, RequestActor, CancellationToken, Task<RequestOutcome<RequestDetails>>> step) =>
        group.MapPost($"/{{id:int}}/participants/{{pid:int}}/{action}", async Task<Results<Ok<RequestDetails>, ValidationProblem, ProblemHttpResult>> (int id, int pid, RequestService service, ClaimsPrincipal user, CancellationToken ct) =>
                Typed(await step(service, id, pid, ActorOf(user), ct), TypedResults.Ok))
            .WithName(name).WithSummary(summary).WithDescription(description)
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
}

/// <summary>The query string of the request list and the board.</summary>
public sealed record RequestQuery(int? Page, int? PageSize, bool? Board, RequestStatus? Status, bool? Overdue)
{
    public PageRequest ToPageRequest() => new(Page ?? 1, PageSize ?? 25);
}
