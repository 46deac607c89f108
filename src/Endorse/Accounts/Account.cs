using Endorse.Audit;
using Endorse.Listing;
using Endorse.Taxonomy;

namespace Endorse.Accounts;

/// <summary>A customer company.</summary>
public class Account : ISourced, IAudited
{
    public int Id { get; set; }
    public required string Name { get; set; }

    /// <summary><see cref="SearchText.Normalize"/> of <see cref="Name"/>, kept by the DbContext.</summary>
    public string NameSearch { get; set; } = string.Empty;

    public string? Website { get; set; }
    public string? Country { get; set; }
    public int? SectorId { get; set; }
    public Sector? Sector { get; set; }
    public int? RegionId { get; set; }
    public Region? Region { get; set; }
    public int? SalesAreaId { get; set; }
    public SalesArea? SalesArea { get; set; }

    public int? Employees { get; set; }
    public SizeBand SizeBand { get; set; }
    public decimal? AnnualRevenue { get; set; }

    public DateOnly? CustomerSince { get; set; }

    /// <summary>Prospect, customer or former customer; see <see cref="RelationshipSource"/> for where it comes from.</summary>
    public AccountRelationship Relationship { get; set; }

    public RelationshipSource RelationshipSource { get; set; }

    /// <summary>What the CRM said on the last import that had a type or lifecycle column (null: it said nothing).</summary>
    public AccountRelationship? CrmRelationship { get; set; }

    /// <summary>The industry as the CRM names it ("Biotechnology"), kept so a sector created or mapped later reaches the account.</summary>
    public string? Industry { get; set; }
    public DateOnly? ContractSignedOn { get; set; }
    public DateOnly? RenewalOn { get; set; }

    public SatisfactionKind SatisfactionKind { get; set; }
    public int? SatisfactionScore { get; set; }
    public DateOnly? SatisfactionMeasuredOn { get; set; }

    /// <summary>Open service escalations; any open one makes the account not askable.</summary>
    public int OpenEscalations { get; set; }

    /// <summary>The sales rep who owns the account (a user id).</summary>
    public string? OwnerId { get; set; }

    /// <summary>The CRM's id of the owner, kept so an owner imported before their user exists can be linked later.</summary>
    public string? OwnerExternalId { get; set; }

    public DisclosurePermission DisclosurePermission { get; set; }
    public string? Notes { get; set; }

    public SourceSystem Source { get; set; }
    public string? ExternalId { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    public List<AccountProduct> Products { get; set; } = [];
}

/// <summary>A product an account owns, with the date it went live.</summary>
public class AccountProduct
{
    public int AccountId { get; set; }
    public int ProductId { get; set; }
    public Products.Product? Product { get; set; }
    public DateOnly? GoLiveOn { get; set; }
}
