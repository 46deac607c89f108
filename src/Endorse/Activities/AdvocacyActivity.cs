using Endorse.Advocates;

namespace Endorse.Activities;

/// <summary>
/// An act of advocacy, booked or done. Booked (scheduled) and completed activities count against fatigue caps;
/// cancelled ones and no-shows do not.
/// </summary>
public class AdvocacyActivity
{
    public long Id { get; set; }
    public int AdvocateId { get; set; }
    public int AccountId { get; set; }
    public ActivityType ActivityType { get; set; }
    public DateOnly OccurredOn { get; set; }
    public AdvocacyActivityState State { get; set; }
    public int? RequestId { get; set; }
    public int? ParticipantId { get; set; }
    public int? OpportunityId { get; set; }

    /// <summary>The requester's quality rating 1–5, once given.</summary>
    public int? Quality { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}

public enum AdvocacyActivityState
{
    Booked = 0,
    Completed = 1,
    Cancelled = 2,
    NoShow = 3,
}
