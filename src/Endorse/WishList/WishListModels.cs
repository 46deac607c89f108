namespace Endorse.WishList;

/// <summary>A new wish: the account, the deal or segment it would help, how much, and why (optional).</summary>
public sealed record WishInput(int? AccountId, string? DealOrSegment, int? OpportunityId = null, decimal? Value = null, string? Currency = null, string? Why = null, DateTimeOffset? UpdatedAt = null);

/// <summary>The reference manager's pipeline fields: stage, owner, next step and its due day, and why a wish is parked.</summary>
public sealed record WishPipelineInput(WishStage? Stage, string? OwnerId, string? NextStep, DateOnly? NextStepDue, string? ParkedReason, DateTimeOffset? UpdatedAt);

/// <summary>One wish as lists and pages show it.</summary>
public sealed record WishRow(
    int Id, int AccountId, string AccountName, string? WisherId, string? WisherName, string DealOrSegment, int? OpportunityId, string? OpportunityName,
    decimal? Value, string? Currency, string? Why, WishStage Stage, string? OwnerId, string? OwnerName, string? NextStep, DateOnly? NextStepDue,
    string? ParkedReason, DateTimeOffset? ConvertedAt, int? AdvocateId, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt)
{
    public bool IsOpen => Stage is not (WishStage.Advocate or WishStage.Parked);
}

/// <summary>A wish as a CSV line.</summary>
public sealed record WishCsvRow(
    int Id, int AccountId, string AccountName, string Stage, string? WishedBy, string DealOrSegment, string? Opportunity, decimal? Value, string? Currency,
    string? Why, string? Owner, string? NextStep, string? NextStepDue, string? ParkedReason, string WishedOn, string? BecameAdvocateOn, int? AdvocateId);

/// <summary>The filters of the wish list.</summary>
public sealed record WishFilter(WishStage? Stage = null, bool OpenOnly = false, string? WisherId = null, string? OwnerId = null, string? Search = null, int? AccountId = null);

/// <summary>The pipeline at a glance: wishes and their value per stage.</summary>
public sealed record WishStageCount(WishStage Stage, int Wishes, decimal Value);

/// <summary>The sorts of the wish list.</summary>
public static class WishSorts
{
    public const string Newest = "newest";
    public const string Value = "value";
    public const string NextStep = "nextStep";
    public const string Account = "account";

    public static readonly IReadOnlyList<string> All = [Newest, Value, NextStep, Account];
}
