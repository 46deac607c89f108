using System.Security.Claims;
using Endorse.Contacts;
using Endorse.Listing;
using Endorse.Web.Api;
using Endorse.Web.Auth;
using Endorse.Web.Features.Accounts;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Endorse.Web.Features.Contacts;

/// <summary>/api/v1/contacts: list, read, create, change, delete and export contacts.</summary>
public static class ContactsApi
{
    public static RouteGroupBuilder MapContactsApi(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        var group = api.MapGroup("/contacts").WithTags("Contacts");

        group.MapGet("/", ListAsync)
            .WithName("ListContacts")
            .WithSummary("List contacts")
            .WithDescription("One page of contacts sorted by last name (`desc=true` reverses). `search` matches the start of an e-mail address when it contains `@`, otherwise the start of the last or first name (accents and case ignored). Filters: `accountId`, `seniorityTier` (Practitioner, Manager, Director, VicePresident, CLevel, Unknown), the account's `sectorId`, `regionId` and `productId` (a product it owns), and `notAdvocates=true` (contacts not yet enrolled). `total` stops counting at 10,000 (`totalIsCapped`).")
            .ProducesValidationProblem();

        group.MapGet("/export.csv", Export)
            .WithName("ExportContacts")
            .WithSummary("Export contacts as CSV")
            .WithDescription("Every contact matching the same `search` and filters as the list, streamed as a CSV file (UTF-8, header row).")
            .Produces(StatusCodes.Status200OK, contentType: "text/csv");

        group.MapGet("/{id:int}", GetAsync)
            .WithName("GetContact")
            .WithSummary("Get a contact")
            .WithDescription("All fields of a contact with its account's name. `seniorityInferred` says the tier was read from the title; when false a person set it (`seniorityTierSetBy`, `seniorityTierSetAt`) and imports keep it. `titleReadsAs` is the tier the title alone reads as.")
            .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapPost("/", CreateAsync)
            .RequireAuthorization(Policies.ChangeCustomers)
            .WithName("CreateContact")
            .WithSummary("Create a contact")
            .WithDescription("Creates a contact at an account. Leave `seniorityTier` out (or null) to have it inferred from the title. Needs the right to change the account (a sales rep: an account they own).")
            .Accepts<ContactInput>("application/json")
            .ProducesProblem(StatusCodes.Status403Forbidden);

        group.MapPut("/{id:int}", UpdateAsync)
            .RequireAuthorization(Policies.ChangeCustomers)
            .WithName("UpdateContact")
            .WithSummary("Update a contact")
            .WithDescription("Replaces the contact's fields. Send the `updatedAt` you read: if someone saved the contact since, the answer is 409 and nothing changes. Setting `seniorityTier` marks it as chosen by a person; null infers it from the title.")
            .Accepts<ContactInput>("application/json")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        group.MapPut("/{id:int}/seniority", SetSeniorityAsync)
            .RequireAuthorization(Policies.ChangeCustomers)
            .WithName("SetContactSeniority")
            .WithSummary("Correct a contact's seniority tier")
            .WithDescription("Sets the tier (Practitioner, Manager, Director, VicePresident, CLevel, Unknown) as a person's correction: later imports keep it whatever title they bring (an import whose title reads otherwise warns in its report). `seniorityTier: null` reads the tier from the title again. Send the contact's `updatedAt` as read: 409 if it changed since. Audited. Needs the right to change the contact's account.")
            .Accepts<SeniorityInput>("application/json")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        group.MapDelete("/{id:int}", DeleteAsync)
            .RequireAuthorization(Policies.ChangeCustomers)
            .WithName("DeleteContact")
            .WithSummary("Delete a contact")
            .WithDescription("Deletes the contact. Needs the right to change its account.")
            .Produces(StatusCodes.Status204NoContent)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);

        return api;
    }

    // Typed results: each handler's success and 400 answers are in its signature, and so in the document; 403, 404 and
    // 409 problem details stay declared with ProducesProblem (a ProblemHttpResult carries no status in its type).
    private static async Task<Ok<Page<ContactListRow>>> ListAsync(ContactService contacts, [AsParameters] ContactQuery query, CancellationToken cancellationToken) =>
        TypedResults.Ok(await contacts.ListAsync(query.Filter(), query.PageRequest(), cancellationToken));

    private static IResult Export(ContactService contacts, [AsParameters] ContactQuery query) =>
        ApiResults.Csv(contacts.ExportAsync(query.Filter(), query.Desc ?? false), "contacts.csv");

    private static async Task<Results<Ok<ContactDetails>, ProblemHttpResult>> GetAsync(int id, ContactService contacts, CancellationToken cancellationToken) =>
        await contacts.GetAsync(id, cancellationToken) is { } contact
            ? TypedResults.Ok(contact)
            : TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found", detail: $"There is no contact {id}.");

    private static async Task<Results<Created<ContactDetails>, ValidationProblem, ProblemHttpResult>> CreateAsync(HttpRequest request, ContactService contacts, ClaimsPrincipal user)
    {
        var (input, problem) = await CustomerRequests.ReadBodyAsync<ContactInput>(request);
        if (problem is not null)
        {
            return ApiResults.Typed<Created<ContactDetails>>(problem);
        }

        var result = await contacts.CreateAsync(input!, CustomerRequests.Actor(user), request.HttpContext.RequestAborted);
        return ApiResults.Typed(result, created => TypedResults.Created($"/api/v1/contacts/{created.Id}", created));
    }

    private static async Task<Results<Ok<ContactDetails>, ValidationProblem, ProblemHttpResult>> UpdateAsync(int id, HttpRequest request, ContactService contacts, ClaimsPrincipal user)
    {
        var (input, problem) = await CustomerRequests.ReadBodyAsync<ContactInput>(request);
        if (problem is not null)
        {
            return ApiResults.Typed<Ok<ContactDetails>>(problem);
        }

        var result = await contacts.UpdateAsync(id, input!, CustomerRequests.Actor(user), request.HttpContext.RequestAborted);
        return ApiResults.Typed(result, TypedResults.Ok);
    }

    private static async Task<Results<Ok<ContactDetails>, ValidationProblem, ProblemHttpResult>> SetSeniorityAsync(int id, HttpRequest request, ContactService contacts, ClaimsPrincipal user)
    {
        var (input, problem) = await CustomerRequests.ReadBodyAsync<SeniorityInput>(request);
        if (problem is not null)
        {
            return ApiResults.Typed<Ok<ContactDetails>>(problem);
        }

        var result = await contacts.SetSeniorityAsync(id, input!, CustomerRequests.Actor(user), request.HttpContext.RequestAborted);
        return ApiResults.Typed(result, TypedResults.Ok);
    }

    private static async Task<IResult> DeleteAsync(int id, ContactService contacts, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var result = await contacts.DeleteAsync(id, CustomerRequests.Actor(user), cancellationToken);
        return ApiResults.From(result, _ => TypedResults.NoContent());
    }
}

/// <summary>The query string of the contact list and export.</summary>
public sealed class ContactQuery
{
    public int? Page { get; set; }
    public int? PageSize { get; set; }
    public bool? Desc { get; set; }
    public string? Search { get; set; }
    public int? AccountId { get; set; }
    public SeniorityTier? SeniorityTier { get; set; }
    public int? SectorId { get; set; }
    public int? RegionId { get; set; }
    public int? ProductId { get; set; }
    public bool? NotAdvocates { get; set; }

    public ContactFilter Filter() => new(Search, AccountId, SeniorityTier, SectorId, RegionId, ProductId, NotAdvocates ?? false);

    public PageRequest PageRequest() => new(Page ?? 1, PageSize ?? 25, null, Desc ?? false, Search);
}
