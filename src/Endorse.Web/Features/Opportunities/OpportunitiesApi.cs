using System.Security.Claims;
using Endorse.Listing;
using Endorse.Opportunities;
using Endorse.Users;
using Endorse.Web.Api;
using Endorse.Web.Auth;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Endorse.Web.Features.Opportunities;

/// <summary>The opportunity endpoints. Everyone signed in reads; sales reps change only their own deals or deals on accounts they own.</summary>
public static class OpportunitiesApi
{
    public static IServiceCollection AddOpportunities(this IServiceCollection services) => services.AddScoped<OpportunityService>();

    /// <summary>The editor behind a request or a page's signed-in user.</summary>
    public static OpportunityEditor EditorOf(ClaimsPrincipal user) =>
        new(user.FindFirstValue(ClaimTypes.NameIdentifier), [.. Roles.All.Where(user.IsInRole)]);

    // Typed results: each handler's success and 400 answers are in its signature, and so in the document; 403, 404 and
    // 409 problem details stay declared with ProducesProblem (a ProblemHttpResult carries no status in its type).
    public static void MapOpportunitiesApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/opportunities").WithTags("Opportunities");
        group.MapGet("/", async (OpportunityService service, [AsParameters] OpportunityQuery query, CancellationToken ct) =>
                TypedResults.Ok(await service.ListAsync(query.ToPageRequest(), query.ToFilter(), ct)))
            .WithName("ListOpportunities").WithSummary("List opportunities")
            .WithDescription("Opportunities newest close date first. `sort` is `closeDate` (default, descending unless `desc=false`) or `name`. " +
                "`search` matches the start of the name, ignoring case and accents. Filters: `accountId`, `ownerId`, `productId`, " +
                "`status` (Open, Closed, Won, Lost), `closeFrom` and `closeTo` (yyyy-MM-dd, inclusive).")
            .ProducesProblem(StatusCodes.Status400BadRequest);
        group.MapGet("/export.csv", (OpportunityService service, [AsParameters] OpportunityQuery query) =>
                ApiResults.Csv(service.ExportAsync(query.ToPageRequest(), query.ToFilter()), "opportunities.csv"))
            .WithName("ExportOpportunities").WithSummary("Export opportunities as CSV")
            .WithDescription("Every opportunity matching the same search, filters and sort as the list, streamed as a CSV download.")
            .Produces(StatusCodes.Status200OK, contentType: "text/csv");
        group.MapGet("/{id:int}", async Task<Results<Ok<OpportunityDetails>, ProblemHttpResult>> (int id, OpportunityService service, CancellationToken ct) =>
                await service.GetAsync(id, ct) is { } opportunity
                    ? TypedResults.Ok(opportunity)
                    : TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found"))
            .WithName("GetOpportunity").WithSummary("Get an opportunity")
            .WithDescription("An opportunity with its account, product and owner names.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPost("/", async Task<Results<Created<OpportunityDetails>, ValidationProblem, ProblemHttpResult>> (OpportunityInput input, OpportunityService service, ClaimsPrincipal user, CancellationToken ct) =>
                ApiResults.Typed(await service.CreateAsync(input, EditorOf(user), ct), o => TypedResults.Created($"/api/v1/opportunities/{o.Id}", o)))
            .WithName("CreateOpportunity").WithSummary("Create an opportunity")
            .WithDescription("Name and close date are required; amount is zero or more with a three-letter ISO currency. " +
                "A sales rep may create opportunities they own or on accounts they own; without `ownerId` the rep owns it.")
            .RequireAuthorization(Policies.ChangeCustomers)
            .ProducesProblem(StatusCodes.Status403Forbidden);
        group.MapPut("/{id:int}", async Task<Results<Ok<OpportunityDetails>, ValidationProblem, ProblemHttpResult>> (int id, OpportunityInput input, OpportunityService service, ClaimsPrincipal user, CancellationToken ct) =>
                ApiResults.Typed(await service.UpdateAsync(id, input, EditorOf(user), ct), TypedResults.Ok))
            .WithName("UpdateOpportunity").WithSummary("Update an opportunity")
            .WithDescription("Replaces the opportunity's fields. Send the `updatedAt` you read to be told (409) when someone else changed it meanwhile.")
            .RequireAuthorization(Policies.ChangeCustomers)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        group.MapDelete("/{id:int}", async (int id, OpportunityService service, ClaimsPrincipal user, CancellationToken ct) =>
                ApiResults.From(await service.DeleteAsync(id, EditorOf(user), ct), _ => TypedResults.NoContent()))
            .WithName("DeleteOpportunity").WithSummary("Delete an opportunity")
            .WithDescription("Deletes an opportunity the caller may change.")
            .RequireAuthorization(Policies.ChangeCustomers)
            .Produces(StatusCodes.Status204NoContent).ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
    }
}

/// <summary>The query string of the opportunity list and its export.</summary>
public sealed record OpportunityQuery(
    int? Page,
    int? PageSize,
    string? Sort,
    bool? Desc,
    string? Search,
    int? AccountId,
    string? OwnerId,
    int? ProductId,
    OpportunityStatus? Status,
    DateOnly? CloseFrom,
    DateOnly? CloseTo)
{
    public PageRequest ToPageRequest() => new(Page ?? 1, PageSize ?? 25, Sort, Desc ?? string.IsNullOrWhiteSpace(Sort), Search);

    public OpportunityFilter ToFilter() => new(AccountId, OwnerId, Status, CloseFrom, CloseTo, ProductId);
}
