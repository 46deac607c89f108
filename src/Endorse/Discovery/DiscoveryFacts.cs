using Endorse.Accounts;
using Endorse.Contacts;
using Endorse.ExecutivePrograms;
using Endorse.Fatigue;

namespace Endorse.Discovery;

/// <summary>A customer account as discovery sees it: the facts it is compared on, its readiness facts, and its contacts who are not advocates.</summary>
public sealed class DiscoveryAccount
{
    public required int AccountId { get; init; }
    public required string Name { get; init; }

    /// <summary>The normalized name, for the prefix search.</summary>
    public string NameSearch { get; init; } = string.Empty;

    public int? SectorId { get; init; }
    public int? RegionId { get; init; }
    public SizeBand SizeBand { get; init; }
    public DateOnly? CustomerSince { get; init; }
    public SatisfactionKind SatisfactionKind { get; init; }
    public int? SatisfactionScore { get; init; }

    /// <summary>Products owned, ascending.</summary>
    public int[] ProductIds { get; init; } = [];

    /// <summary>The facts the readiness gates read (escalations, satisfaction, renewal, permission, big bid, set gates).</summary>
    public required AccountState Readiness { get; init; }

    /// <summary>The day the go-live check-in found the customer happy; null otherwise.</summary>
    public DateOnly? OnboardedHappilyOn { get; init; }

    /// <summary>The open wish for the account, if any.</summary>
    public WishFact? Wish { get; init; }

    /// <summary>Contacts who are not advocates, by id.</summary>
    public DiscoveryContact[] Contacts { get; init; } = [];

    public bool Owns(int productId) => Array.BinarySearch(ProductIds, productId) >= 0;
}

/// <summary>An open wish: who wished and for what.</summary>
public sealed record WishFact(int EntryId, string? WisherName, string DealOrSegment, DateTimeOffset CreatedAt);

/// <summary>A contact who is not an advocate: id, seniority, and the executive program they are a member of (0: none).</summary>
public readonly record struct DiscoveryContact(int ContactId, SeniorityTier Tier, int ExecutiveProgramId);

/// <summary>An executive program, for the sentence that names it.</summary>
public sealed record ProgramFact(int Id, string Name, ExecutiveProgramKind Kind);

/// <summary>An account in the profile of a good candidate: a best-used advocate's account or a wish-list account.</summary>
public sealed record ProfileMember(int AccountId, int? SectorId, int? RegionId, SizeBand SizeBand, IReadOnlyList<int> ProductIds, bool FromAdvocates, bool FromWishList);

/// <summary>Names of the catalog entries and programs the sentences mention.</summary>
public sealed record DiscoveryNames(
    IReadOnlyDictionary<int, string> Sectors,
    IReadOnlyDictionary<int, string> Regions,
    IReadOnlyDictionary<int, string> Products,
    IReadOnlyDictionary<int, ProgramFact> Programs)
{
    public static DiscoveryNames Empty { get; } = new(new Dictionary<int, string>(), new Dictionary<int, string>(), new Dictionary<int, string>(), new Dictionary<int, ProgramFact>());

    public string Sector(int id) => Sectors.TryGetValue(id, out var name) ? name : $"sector {id}";

    public string Region(int id) => Regions.TryGetValue(id, out var name) ? name : $"region {id}";

    public string Product(int id) => Products.TryGetValue(id, out var name) ? name : $"product {id}";
}
