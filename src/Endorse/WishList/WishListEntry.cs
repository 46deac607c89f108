using Endorse.Audit;

namespace Endorse.WishList;

/// <summary>Where a wish stands in the reference manager's pipeline.</summary>
public enum WishStage
{
    /// <summary>Added by sales; nobody has looked at it yet.</summary>
    Wished = 0,

    /// <summary>The reference manager is finding the right contact and the right moment.</summary>
    Researching = 1,

    /// <summary>Someone is talking to the customer about it.</summary>
    Approaching = 2,

    /// <summary>A contact was nominated as an advocate.</summary>
    Nominated = 3,

    /// <summary>A contact of the account became an advocate: the wish came true (set by Endorse).</summary>
    Advocate = 4,

    /// <summary>Not now (with a reason); may be reopened.</summary>
    Parked = 5,
}

/// <summary>
/// "I wish they were a reference": a customer account sales wish were a reference, the deal or segment it would help and
/// how much, worked by the reference manager like a pipeline (stage, owner, next step). The wisher is told when a
/// contact of the account becomes an advocate.
/// </summary>
public class WishListEntry : IAudited
{
    public int Id { get; set; }
    public int AccountId { get; set; }
    public Accounts.Account? Account { get; set; }

    /// <summary>While the wish is open, the account's id: a unique index keeps one open wish an account.</summary>
    public int? OpenAccountId { get; set; }

    public string? WisherId { get; set; }
    public string? WisherName { get; set; }

    /// <summary>The deal or segment a reference from this account would help ("Globex renewal", "mid-market banks in DACH").</summary>
    public required string DealOrSegment { get; set; }

    /// <summary>The opportunity it would help, when it is one deal.</summary>
    public int? OpportunityId { get; set; }

    /// <summary>How much it would help: the value at stake.</summary>
    public decimal? Value { get; set; }

    public string? Currency { get; set; }

    /// <summary>Why this account (what makes it a good reference).</summary>
    public string? Why { get; set; }

    public WishStage Stage { get; set; }

    /// <summary>The reference manager working it.</summary>
    public string? OwnerId { get; set; }

    public string? OwnerName { get; set; }
    public string? NextStep { get; set; }
    public DateOnly? NextStepDue { get; set; }
    public string? ParkedReason { get; set; }

    /// <summary>When a contact of the account became an advocate, and which advocate.</summary>
    public DateTimeOffset? ConvertedAt { get; set; }

    public int? AdvocateId { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    public bool IsOpen => Stage is not (WishStage.Advocate or WishStage.Parked);
}
