using Endorse.Listing;

namespace Endorse.Accounts;

/// <summary>The filters of the account list; every one is an indexed column.</summary>
public sealed record AccountFilter(
    string? Search = null,
    int? SectorId = null,
    int? RegionId = null,
    int? SalesAreaId = null,
    string? OwnerId = null,
    DisclosurePermission? Disclosure = null,
    SizeBand? SizeBand = null,
    AccountRelationship? Relationship = null);

/// <summary>The sorts the account list offers (only indexed columns).</summary>
public static class AccountSorts
{
    public const string Name = "name";
    public const string CustomerSince = "customerSince";
    public const string RenewalOn = "renewalOn";

    public static readonly IReadOnlyList<string> All = [Name, CustomerSince, RenewalOn];
}

/// <summary>One row of the account list.</summary>
public sealed record AccountListRow(
    int Id,
    string Name,
    string? Country,
    string? Sector,
    string? Region,
    string? SalesArea,
    string? Owner,
    SizeBand SizeBand,
    DateOnly? CustomerSince,
    DateOnly? RenewalOn,
    SatisfactionKind SatisfactionKind,
    int? SatisfactionScore,
    int OpenEscalations,
    DisclosurePermission DisclosurePermission,
    AccountRelationship Relationship);

/// <summary>A product the account owns, as shown on its page.</summary>
public sealed record AccountProductRow(int ProductId, string ProductName, DateOnly? GoLiveOn);

/// <summary>Everything about one account.</summary>
public sealed record AccountDetails(
    int Id,
    string Name,
    string? Website,
    string? Country,
    int? SectorId,
    string? Sector,
    int? RegionId,
    string? Region,
    int? SalesAreaId,
    string? SalesArea,
    int? Employees,
    SizeBand SizeBand,
    decimal? AnnualRevenue,
    DateOnly? CustomerSince,
    DateOnly? ContractSignedOn,
    DateOnly? RenewalOn,
    SatisfactionKind SatisfactionKind,
    int? SatisfactionScore,
    DateOnly? SatisfactionMeasuredOn,
    int OpenEscalations,
    string? OwnerId,
    string? Owner,
    DisclosurePermission DisclosurePermission,
    string? Notes,
    SourceSystem Source,
    string? ExternalId,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    IReadOnlyList<AccountProductRow> Products,
    int ContactCount,
    int OpenOpportunityCount,
    AccountRelationship Relationship,
    RelationshipSource RelationshipSource,
    AccountRelationship? CrmRelationship,
    string? Industry,
    int WonOpportunityCount)
{
    /// <summary>Who set the relationship, when a person did (from the audit log).</summary>
    public string? RelationshipSetBy { get; init; }

    public DateTimeOffset? RelationshipSetAt { get; init; }
}

/// <summary>What a person enters to create or change an account. <see cref="UpdatedAt"/> is the version they read (required on update).</summary>
public sealed class AccountInput
{
    public string? Name { get; set; }
    public string? Website { get; set; }
    public string? Country { get; set; }
    public int? SectorId { get; set; }
    public int? RegionId { get; set; }
    public int? SalesAreaId { get; set; }
    public int? Employees { get; set; }
    public SizeBand SizeBand { get; set; }
    public decimal? AnnualRevenue { get; set; }
    public DateOnly? CustomerSince { get; set; }
    public DateOnly? ContractSignedOn { get; set; }
    public DateOnly? RenewalOn { get; set; }
    public SatisfactionKind SatisfactionKind { get; set; }
    public int? SatisfactionScore { get; set; }
    public DateOnly? SatisfactionMeasuredOn { get; set; }
    public int OpenEscalations { get; set; }
    public string? OwnerId { get; set; }
    public DisclosurePermission DisclosurePermission { get; set; }
    public string? Notes { get; set; }

    /// <summary>A person's setting; null hands it back to the CRM or the derivation (the stored value sent back unchanged keeps its source).</summary>
    public AccountRelationship? Relationship { get; set; }

    public List<AccountProductInput> Products { get; set; } = [];
    public DateTimeOffset? UpdatedAt { get; set; }

    public static AccountInput From(AccountDetails details) => new()
    {
        Name = details.Name,
        Website = details.Website,
        Country = details.Country,
        SectorId = details.SectorId,
        RegionId = details.RegionId,
        SalesAreaId = details.SalesAreaId,
        Employees = details.Employees,
        SizeBand = details.SizeBand,
        AnnualRevenue = details.AnnualRevenue,
        CustomerSince = details.CustomerSince,
        ContractSignedOn = details.ContractSignedOn,
        RenewalOn = details.RenewalOn,
        SatisfactionKind = details.SatisfactionKind,
        SatisfactionScore = details.SatisfactionScore,
        SatisfactionMeasuredOn = details.SatisfactionMeasuredOn,
        OpenEscalations = details.OpenEscalations,
        OwnerId = details.OwnerId,
        DisclosurePermission = details.DisclosurePermission,
        Notes = details.Notes,
        Relationship = details.RelationshipSource == RelationshipSource.Person ? details.Relationship : null,
        Products = details.Products.Select(p => new AccountProductInput { ProductId = p.ProductId, GoLiveOn = p.GoLiveOn }).ToList(),
        UpdatedAt = details.UpdatedAt,
    };
}

/// <summary>A product the account owns and when it went live.</summary>
public sealed class AccountProductInput
{
    public int ProductId { get; set; }
    public DateOnly? GoLiveOn { get; set; }
}

/// <summary>Which of the ids an <see cref="AccountInput"/> refers to exist; the service looks them up, the validator judges.</summary>
public sealed record AccountReferences(bool SectorExists, bool RegionExists, bool SalesAreaExists, bool OwnerExists, IReadOnlySet<int>? ExistingProductIds)
{
    /// <summary>For checks of the plain rules only: every id is taken to exist.</summary>
    public static readonly AccountReferences AllExist = new(true, true, true, true, null);
}

/// <summary>A person's correction of an account's relationship; null hands it back to the CRM or the derivation.</summary>
public sealed class RelationshipInput
{
    public AccountRelationship? Relationship { get; set; }

    /// <summary>The account's updatedAt as read; required, so a change made meanwhile is not overwritten.</summary>
    public DateTimeOffset? UpdatedAt { get; set; }
}
