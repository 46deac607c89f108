using System.Security.Claims;
using Endorse.Accounts;
using Endorse.Audit;
using Endorse.Contacts;
using Endorse.Data;
using Microsoft.EntityFrameworkCore;

namespace Endorse.Web.Features.Accounts;

/// <summary>
/// Opens a unit of work for a page: a DbContext of its own (a Blazor circuit outlives requests, and a grid and a
/// select must not share one context) that audits changes as the signed-in person, not as "system".
/// </summary>
public sealed class CustomerWork(DbContextOptions<EndorseDbContext> options, TimeProvider clock, AccountValidator accountValidator, ContactValidator contactValidator)
{
    public CustomerSession Open(ClaimsPrincipal user) =>
        new(new EndorseDbContext(options, new PrincipalActor(user), clock), accountValidator, contactValidator);

    private sealed class PrincipalActor(ClaimsPrincipal user) : ICurrentActor
    {
        public string? UserId => user.FindFirstValue(ClaimTypes.NameIdentifier);

        public string? UserName => user.Identity?.IsAuthenticated == true ? user.Identity.Name : "system";
    }
}

/// <summary>The account and contact services over one DbContext; dispose it when the operation is done.</summary>
public sealed class CustomerSession : IAsyncDisposable
{
    internal CustomerSession(EndorseDbContext db, AccountValidator accountValidator, ContactValidator contactValidator)
    {
        Db = db;
        Accounts = new AccountService(db, accountValidator);
        Contacts = new ContactService(db, contactValidator, Accounts);
    }

    public EndorseDbContext Db { get; }

    public AccountService Accounts { get; }

    public ContactService Contacts { get; }

    public ValueTask DisposeAsync() => Db.DisposeAsync();
}

/// <summary>A name and id for a select list.</summary>
public sealed record Choice<TKey>(TKey Id, string Name);

/// <summary>The small lookup lists the account pages choose from.</summary>
public sealed record AccountChoices(
    IReadOnlyList<Choice<int>> Sectors,
    IReadOnlyList<Choice<int>> Regions,
    IReadOnlyList<Choice<int>> SalesAreas,
    IReadOnlyList<Choice<int>> Products,
    IReadOnlyList<Choice<string>> Owners)
{
    public static async Task<AccountChoices> LoadAsync(EndorseDbContext db, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var sectors = await db.Sectors.AsNoTracking().OrderBy(s => s.Name).Select(s => new Choice<int>(s.Id, s.Name)).ToListAsync(cancellationToken);
        var regions = await db.Regions.AsNoTracking().OrderBy(s => s.Name).Select(s => new Choice<int>(s.Id, s.Name)).ToListAsync(cancellationToken);
        var areas = await db.SalesAreas.AsNoTracking().OrderBy(s => s.Name).Select(s => new Choice<int>(s.Id, s.Name)).ToListAsync(cancellationToken);
        var products = await db.Products.AsNoTracking().OrderBy(s => s.Name).Select(s => new Choice<int>(s.Id, s.Name)).ToListAsync(cancellationToken);
        var owners = await db.Users.AsNoTracking().Where(u => u.IsActive).OrderBy(u => u.DisplayName).Select(u => new Choice<string>(u.Id, u.DisplayName)).Take(1000).ToListAsync(cancellationToken);
        return new AccountChoices(sectors, regions, areas, products, owners);
    }
}

/// <summary>Display text for the account enums.</summary>
public static class AccountText
{
    public static string Disclosure(DisclosurePermission value) => value switch
    {
        DisclosurePermission.NamedPublic => "Named, public",
        DisclosurePermission.NamedCallsOnly => "Named on calls only",
        DisclosurePermission.AnonymousOnly => "Anonymous only",
        DisclosurePermission.NoPublicity => "No publicity",
        _ => "Not agreed yet",
    };

    public static MudBlazor.Color DisclosureColor(DisclosurePermission value) => value switch
    {
        DisclosurePermission.NamedPublic => MudBlazor.Color.Success,
        DisclosurePermission.NamedCallsOnly => MudBlazor.Color.Info,
        DisclosurePermission.AnonymousOnly => MudBlazor.Color.Warning,
        DisclosurePermission.NoPublicity => MudBlazor.Color.Error,
        _ => MudBlazor.Color.Default,
    };

    public static string Size(SizeBand value) => value switch
    {
        SizeBand.Small => "Small (< 100)",
        SizeBand.MidMarket => "Mid-market (100–999)",
        SizeBand.Large => "Large (1,000–9,999)",
        SizeBand.Enterprise => "Enterprise (10,000+)",
        _ => "Unknown",
    };

    public static string Satisfaction(SatisfactionKind kind, int? score) => kind switch
    {
        SatisfactionKind.Nps when score is not null => $"NPS {score}",
        SatisfactionKind.Csat when score is not null => $"CSAT {score} %",
        _ => "—",
    };

    public static string Seniority(SeniorityTier tier) => tier switch
    {
        SeniorityTier.CLevel => "C-level",
        SeniorityTier.VicePresident => "VP",
        SeniorityTier.Director => "Director",
        SeniorityTier.Manager => "Manager",
        SeniorityTier.Practitioner => "Practitioner",
        _ => "Unknown",
    };

    public static string Relationship(AccountRelationship value) => value switch
    {
        AccountRelationship.Customer => "Customer",
        AccountRelationship.FormerCustomer => "Former customer",
        _ => "Prospect",
    };

    /// <summary>Where the relationship comes from, as a sentence after the relationship ("Customer, from the CRM").</summary>
    public static string RelationshipOrigin(AccountDetails account)
    {
        ArgumentNullException.ThrowIfNull(account);
        return account.RelationshipSource switch
        {
            RelationshipSource.Person => account.RelationshipSetBy is { } by
                ? $"set by {by}{(account.RelationshipSetAt is { } at ? " on " + at.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) : "")}; imports keep it"
                : "set by a person; imports keep it",
            RelationshipSource.Crm => "as the CRM says",
            _ => account.WonOpportunityCount > 0
                ? $"{account.WonOpportunityCount} won deal{(account.WonOpportunityCount == 1 ? "" : "s")}"
                : account.CustomerSince is not null ? "has a customer-since date" : "no won deal and no customer-since date",
        };
    }

    public static string Total<T>(Listing.Page<T> page) =>
        page.TotalIsCapped ? $"{page.Total:N0}+" : page.Total.ToString("N0", System.Globalization.CultureInfo.CurrentCulture);
}
