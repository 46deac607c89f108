using System.Security.Claims;
using Endorse.Accounts;
using Endorse.Contacts;
using Endorse.Listing;
using Endorse.Web.Api;
using Endorse.Web.Auth;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Endorse.Web.Features.Accounts;

/// <summary>/api/v1/accounts: list, read, create, change, delete and export accounts.</summary>
public static class AccountsApi
{
    public static RouteGroupBuilder MapAccountsApi(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        var group = api.MapGroup("/accounts").WithTags("Accounts");

        group.MapGet("/", ListAsync)
            .WithName("ListAccounts")
            .WithSummary("List accounts")
            .WithDescription("One page of accounts. `search` matches the start of the name (accents and case ignored). Filters: `sectorId`, `regionId`, `salesAreaId`, `ownerId` (a user id, or `me`), `disclosure` (NamedPublic, NamedCallsOnly, AnonymousOnly, NoPublicity, Unknown), `sizeBand` (Small, MidMarket, Large, Enterprise, Unknown), `relationship` (Prospect, Customer, FormerCustomer). `sort` is `name` (default), `customerSince` or `renewalOn`; `desc=true` reverses it. `total` stops counting at 10,000 (`totalIsCapped`).");

        group.MapGet("/export.csv", ExportAsync)
            .WithName("ExportAccounts")
            .WithSummary("Export accounts as CSV")
            .WithDescription("Every account matching the same `search`, filters and `sort` as the list, streamed as a CSV file (UTF-8, header row).")
            .Produces(StatusCodes.Status200OK, contentType: "text/csv")
            .ProducesValidationProblem();

        group.MapGet("/{id:int}", GetAsync)
            .WithName("GetAccount")
            .WithSummary("Get an account")
            .WithDescription("All fields of an account, the products it owns with their go-live dates, its number of contacts, of open and of won opportunities, and its owner's name. `relationship` is Prospect, Customer or FormerCustomer; `relationshipSource` says where it comes from: Derived (a won opportunity or a customer-since date makes a customer), Crm (the CRM's account type or lifecycle stage, also in `crmRelationship`) or Person (set by `relationshipSetBy` at `relationshipSetAt`; imports keep it). `industry` is the CRM's industry as imported. Send `updatedAt` back unchanged when you update it.")
            .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapGet("/{id:int}/contacts", ContactsAsync)
            .WithName("ListAccountContacts")
            .WithSummary("List an account's contacts")
            .WithDescription("One page of the contacts at an account, sorted by name; takes `search`, `seniorityTier`, `page`, `pageSize` and `desc` like /contacts.")
            .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapPost("/", CreateAsync)
            .RequireAuthorization(Policies.ChangeCustomers)
            .WithName("CreateAccount")
            .WithSummary("Create an account")
            .WithDescription("Creates an account. A sales rep's new account is owned by them; they may not create one for another owner. Answers 201 with the account and its location.")
            .Accepts<AccountInput>("application/json")
            .ProducesProblem(StatusCodes.Status403Forbidden);

        group.MapPut("/{id:int}", UpdateAsync)
            .RequireAuthorization(Policies.ChangeCustomers)
            .WithName("UpdateAccount")
            .WithSummary("Update an account")
            .WithDescription("Replaces the account's fields and the products it owns (add or remove products, change go-live dates). `relationship` set to a value other than the stored one makes it a person's setting, which imports keep; null hands it back to the CRM or the derivation. Send the `updatedAt` you read: if someone saved the account since, the answer is 409 and nothing changes. A sales rep may change only accounts they own, a sales manager only accounts in their sales area (403 otherwise).")
            .Accepts<AccountInput>("application/json")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        group.MapPut("/{id:int}/relationship", SetRelationshipAsync)
            .RequireAuthorization(Policies.ChangeCustomers)
            .WithName("SetAccountRelationship")
            .WithSummary("Correct an account's relationship")
            .WithDescription("Sets whether the account is a Prospect, a Customer or a FormerCustomer, as a person's setting: imports keep it (an import whose CRM type says otherwise warns in its report). `relationship: null` hands it back to the CRM's type or to the derivation from won opportunities and the customer-since date. Send the account's `updatedAt` as read: 409 if it changed since. Audited. Needs the right to change the account.")
            .Accepts<RelationshipInput>("application/json")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        group.MapDelete("/{id:int}", DeleteAsync)
            .RequireAuthorization(Policies.ChangeCustomers)
            .WithName("DeleteAccount")
            .WithSummary("Delete an account")
            .WithDescription("Deletes the account with its contacts and product ownership. The same row-level access as updates applies.")
            .Produces(StatusCodes.Status204NoContent)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);

        return api;
    }

    // The read endpoints answer typed results: their 200 and 400 answers are in the signature, and so in the document.
    private static async Task<Results<Ok<Page<AccountListRow>>, ValidationProblem>> ListAsync(
        AccountService accounts,
        ClaimsPrincipal user,
        [AsParameters] AccountQuery query,
        CancellationToken cancellationToken)
    {
        if (query.Problem() is { } problem)
        {
            return problem;
        }

        return TypedResults.Ok(await accounts.ListAsync(query.Filter(user), query.PageRequest(), cancellationToken));
    }

    private static IResult ExportAsync(AccountService accounts, ClaimsPrincipal user, [AsParameters] AccountQuery query)
    {
        if (query.Problem() is { } problem)
        {
            return problem;
        }

        return ApiResults.Csv(accounts.Query(query.Filter(user), query.Sort, query.Desc ?? false).AsAsyncEnumerable(), "accounts.csv");
    }

    private static async Task<Results<Ok<AccountDetails>, ProblemHttpResult>> GetAsync(int id, AccountService accounts, CancellationToken cancellationToken) =>
        await accounts.GetAsync(id, cancellationToken) is { } account
            ? TypedResults.Ok(account)
            : TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found", detail: $"There is no account {id}.");

    private static async Task<Results<Ok<Page<ContactListRow>>, ProblemHttpResult>> ContactsAsync(
        int id,
        AccountService accounts,
        ContactService contacts,
        string? search,
        SeniorityTier? seniorityTier,
        int? page,
        int? pageSize,
        bool? desc,
        CancellationToken cancellationToken)
    {
        if (await accounts.GetAsync(id, cancellationToken) is null)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found", detail: $"There is no account {id}.");
        }

        var request = new PageRequest(page ?? 1, pageSize ?? 25, null, desc ?? false, search);
        return TypedResults.Ok(await contacts.ListAsync(new ContactFilter(search, id, seniorityTier), request, cancellationToken));
    }

    // The writes too: 201/200 and 400 in the signature; 403, 404 and 409 (problem details) stay declared above.
    private static async Task<Results<Created<AccountDetails>, ValidationProblem, ProblemHttpResult>> CreateAsync(HttpRequest request, AccountService accounts, ClaimsPrincipal user)
    {
        var (input, problem) = await CustomerRequests.ReadBodyAsync<AccountInput>(request);
        if (problem is not null)
        {
            return ApiResults.Typed<Created<AccountDetails>>(problem);
        }

        var result = await accounts.CreateAsync(input!, CustomerRequests.Actor(user), request.HttpContext.RequestAborted);
        return ApiResults.Typed(result, created => TypedResults.Created($"/api/v1/accounts/{created.Id}", created));
    }

    private static async Task<Results<Ok<AccountDetails>, ValidationProblem, ProblemHttpResult>> UpdateAsync(int id, HttpRequest request, AccountService accounts, ClaimsPrincipal user)
    {
        var (input, problem) = await CustomerRequests.ReadBodyAsync<AccountInput>(request);
        if (problem is not null)
        {
            return ApiResults.Typed<Ok<AccountDetails>>(problem);
        }

        var result = await accounts.UpdateAsync(id, input!, CustomerRequests.Actor(user), request.HttpContext.RequestAborted);
        return ApiResults.Typed(result, TypedResults.Ok);
    }

    private static async Task<Results<Ok<AccountDetails>, ValidationProblem, ProblemHttpResult>> SetRelationshipAsync(int id, HttpRequest request, AccountService accounts, ClaimsPrincipal user)
    {
        var (input, problem) = await CustomerRequests.ReadBodyAsync<RelationshipInput>(request);
        if (problem is not null)
        {
            return ApiResults.Typed<Ok<AccountDetails>>(problem);
        }

        var result = await accounts.SetRelationshipAsync(id, input!, CustomerRequests.Actor(user), request.HttpContext.RequestAborted);
        return ApiResults.Typed(result, TypedResults.Ok);
    }

    private static async Task<IResult> DeleteAsync(int id, AccountService accounts, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var result = await accounts.DeleteAsync(id, CustomerRequests.Actor(user), cancellationToken);
        return ApiResults.From(result, _ => TypedResults.NoContent());
    }
}

/// <summary>The query string of the account list and export.</summary>
public sealed class AccountQuery
{
    public int? Page { get; set; }
    public int? PageSize { get; set; }
    public string? Sort { get; set; }
    public bool? Desc { get; set; }
    public string? Search { get; set; }
    public int? SectorId { get; set; }
    public int? RegionId { get; set; }
    public int? SalesAreaId { get; set; }

    /// <summary>A user id, or <c>me</c> for the caller's own accounts.</summary>
    public string? OwnerId { get; set; }

    public DisclosurePermission? Disclosure { get; set; }
    public SizeBand? SizeBand { get; set; }
    public AccountRelationship? Relationship { get; set; }

    public ValidationProblem? Problem()
    {
        if (Sort is not null && !AccountSorts.All.Contains(Sort, StringComparer.OrdinalIgnoreCase))
        {
            return Invalid("sort", $"Sort by one of: {string.Join(", ", AccountSorts.All)}.");
        }

        if (Disclosure is { } disclosure && !Enum.IsDefined(disclosure))
        {
            return Invalid("disclosure", "Not a disclosure permission.");
        }

        if (Relationship is { } relationship && !Enum.IsDefined(relationship))
        {
            return Invalid("relationship", "Relationship must be one of: Prospect, Customer, FormerCustomer.");
        }

        return SizeBand is { } band && !Enum.IsDefined(band) ? Invalid("sizeBand", "Not a size band.") : null;
    }

    private static ValidationProblem Invalid(string field, string message) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [message] }, title: "The request has invalid fields.");

    public AccountFilter Filter(ClaimsPrincipal user) => new(
        Search,
        SectorId,
        RegionId,
        SalesAreaId,
        string.Equals(OwnerId, "me", StringComparison.OrdinalIgnoreCase) ? user.FindFirstValue(ClaimTypes.NameIdentifier) ?? "-" : OwnerId,
        Disclosure,
        SizeBand,
        Relationship);

    public PageRequest PageRequest() => new(Page ?? 1, PageSize ?? 25, Sort, Desc ?? false, Search);
}
