using System.Security.Claims;
using Endorse.Listing;
using Endorse.Web.Api;
using Endorse.Web.Auth;
using Endorse.Web.Features.Accounts;
using Endorse.WishList;

namespace Endorse.Web.Features.WishList;

/// <summary>The wish list: customers sales wish were references, worked by the reference manager like a pipeline.</summary>
public static class WishListApi
{
    public static IServiceCollection AddWishList(this IServiceCollection services) => services.AddScoped<WishListService>();

    public static void MapWishListApi(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        var group = api.MapGroup("/wish-list").WithTags("Wish list").RequireAuthorization(Policies.ReadCustomers);

        group.MapGet("/", async ([AsParameters] WishQuery query, WishListService service, ClaimsPrincipal user, CancellationToken ct) =>
                query.Problem() ?? Results.Ok(await service.ListAsync(query.Filter(user), query.PageRequest(), ct)))
            .WithName("ListWishes").WithSummary("List the wish list")
            .WithDescription("One page of wishes, newest first. Filters: `stage` (Wished, Researching, Approaching, Nominated, Advocate, Parked), `openOnly=true`, `wisherId` and `ownerId` (a user id or `me`), `accountId`; `search` matches the start of the account name. `sort`: newest (default), value (largest first), nextStep (soonest due first), account; `desc=true` reverses it. `total` stops counting at 10,000.")
            .Produces<Page<WishRow>>().ProducesValidationProblem();

        group.MapGet("/export.csv", ([AsParameters] WishQuery query, WishListService service, ClaimsPrincipal user) =>
                query.Problem() ?? ApiResults.Csv(service.ExportAsync(query.Filter(user), query.Sort, query.Desc ?? false), "wish-list.csv"))
            .WithName("ExportWishes").WithSummary("Export the wish list as CSV")
            .WithDescription("Every wish matching the same filters, `search` and `sort` as the list, as a CSV file.")
            .Produces(StatusCodes.Status200OK, contentType: "text/csv").ProducesValidationProblem();

        group.MapGet("/summary", async (WishListService service, CancellationToken ct) => Results.Ok(await service.SummaryAsync(ct)))
            .WithName("GetWishListSummary").WithSummary("The pipeline at a glance")
            .WithDescription("For every stage: how many wishes and their total value (values in different currencies are added as numbers).")
            .Produces<IReadOnlyList<WishStageCount>>();

        group.MapGet("/{id:int}", async (int id, WishListService service, CancellationToken ct) =>
                await service.GetAsync(id, ct) is { } wish ? Results.Ok(wish) : OutcomeResults.NotFound($"There is no wish {id}."))
            .WithName("GetWish").WithSummary("Get a wish")
            .WithDescription("A wish with its account, wisher, deal or segment, value, stage, owner, next step and, once it came true, the advocate.")
            .Produces<WishRow>().ProducesProblem(StatusCodes.Status404NotFound);

        group.MapPost("/", async (HttpRequest request, WishListService service, ClaimsPrincipal user) =>
            {
                var (input, problem) = await CustomerRequests.ReadBodyAsync<WishInput>(request);
                return problem ?? OutcomeResults.From(await service.CreateAsync(input!, OutcomeResults.ActorOf(user), request.HttpContext.RequestAborted),
                    wish => TypedResults.Created($"/api/v1/wish-list/{wish.Id}", wish));
            })
            .WithName("AddWish").WithSummary("Wish a customer were a reference")
            .WithDescription("Adds `accountId` to the wish list with `dealOrSegment` (the deal or segment it would help), optional `opportunityId`, `value` and `currency` (how much), and `why`. Any employee may wish. Refused with 409 and the reason when the account is not a customer, is already a reference (it has an active advocate), or already has an open wish; nothing changes. The wisher is told when a contact of the account becomes an advocate.")
            .Accepts<WishInput>("application/json")
            .Produces<WishRow>(StatusCodes.Status201Created).ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict);

        group.MapPut("/{id:int}", async (int id, HttpRequest request, WishListService service, ClaimsPrincipal user) =>
            {
                var (input, problem) = await CustomerRequests.ReadBodyAsync<WishInput>(request);
                return problem ?? OutcomeResults.From(await service.UpdateAsync(id, input!, OutcomeResults.ActorOf(user), request.HttpContext.RequestAborted), TypedResults.Ok);
            })
            .WithName("UpdateWish").WithSummary("Change what was wished")
            .WithDescription("The wisher or a reference manager changes `dealOrSegment`, `opportunityId`, `value`, `currency` and `why` of an open wish. Send the `updatedAt` you read: a wish changed since answers 409.")
            .Accepts<WishInput>("application/json")
            .Produces<WishRow>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);

        group.MapPut("/{id:int}/pipeline", async (int id, HttpRequest request, WishListService service, ClaimsPrincipal user) =>
            {
                var (input, problem) = await CustomerRequests.ReadBodyAsync<WishPipelineInput>(request);
                return problem ?? OutcomeResults.From(await service.UpdatePipelineAsync(id, input!, OutcomeResults.ActorOf(user), request.HttpContext.RequestAborted), TypedResults.Ok);
            })
            .WithName("UpdateWishPipeline").WithSummary("Work a wish in the pipeline")
            .WithDescription("Reference managers set the `stage` (Wished, Researching, Approaching, Nominated, Parked — Endorse sets Advocate itself), the `ownerId`, the `nextStep` and its `nextStepDue`; parking needs a `parkedReason`. Reopening a parked wish is refused (409) when the account became a reference or has another open wish. Send `updatedAt`.")
            .Accepts<WishPipelineInput>("application/json")
            .Produces<WishRow>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);

        group.MapDelete("/{id:int}", async (int id, WishListService service, ClaimsPrincipal user, CancellationToken ct) =>
                OutcomeResults.From(await service.DeleteAsync(id, OutcomeResults.ActorOf(user), ct), _ => TypedResults.NoContent()))
            .WithName("DeleteWish").WithSummary("Remove a wish made by mistake")
            .WithDescription("The wisher, while nobody has worked it yet (stage Wished), or a reference manager at any time. Audited.")
            .Produces(StatusCodes.Status204NoContent).ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
    }
}

/// <summary>The query string of the wish list and its export.</summary>
public sealed class WishQuery
{
    public int? Page { get; set; }
    public int? PageSize { get; set; }
    public string? Sort { get; set; }
    public bool? Desc { get; set; }
    public string? Search { get; set; }
    public WishStage? Stage { get; set; }
    public bool? OpenOnly { get; set; }
    public string? WisherId { get; set; }
    public string? OwnerId { get; set; }
    public int? AccountId { get; set; }

    public IResult? Problem() =>
        Sort is not null && !WishSorts.All.Contains(Sort) ? CustomerRequests.Invalid("sort", $"Sort by one of: {string.Join(", ", WishSorts.All)}.")
        : Stage is { } stage && !Enum.IsDefined(stage) ? CustomerRequests.Invalid("stage", "Not a stage.")
        : null;

    public WishFilter Filter(ClaimsPrincipal user) => new(Stage, OpenOnly ?? false, Me(WisherId, user), Me(OwnerId, user), Search, AccountId);

    public PageRequest PageRequest() => new(Page ?? 1, PageSize ?? 25, Sort, Desc ?? false, Search);

    private static string? Me(string? id, ClaimsPrincipal user) =>
        string.Equals(id, "me", StringComparison.OrdinalIgnoreCase) ? user.FindFirstValue(ClaimTypes.NameIdentifier) ?? "-" : id;
}
