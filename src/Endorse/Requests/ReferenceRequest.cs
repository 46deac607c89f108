using Endorse.Accounts;
using Endorse.Advocates;
using Endorse.Audit;
using Endorse.Contacts;

namespace Endorse.Requests;

/// <summary>Where a request stands as a whole; derived from its participants' states by <c>RequestStatusRules</c>.</summary>
public enum RequestStatus
{
    Submitted = 0,
    Matched = 1,
    AwaitingOwnerApproval = 2,
    AdvocateAsked = 3,
    Accepted = 4,
    Declined = 5,
    Scheduled = 6,
    Completed = 7,
    NoShow = 8,
    Cancelled = 9,
}

/// <summary>Who picks the advocates: the reference manager (managed) or the requester from the ranked list (self-serve).</summary>
public enum FulfilmentMode
{
    Managed = 0,
    SelfServe = 1,
}

/// <summary>A request from sales, marketing, PR or product for an act of advocacy for an opportunity.</summary>
public class ReferenceRequest : IAudited
{
    public int Id { get; set; }
    public required string RequesterId { get; set; }
    public string? RequesterName { get; set; }

    /// <summary>The deal it is for, from the CRM data; or <see cref="ProspectName"/> typed in.</summary>
    public int? OpportunityId { get; set; }

    public string? ProspectName { get; set; }

    public ActivityType ActivityType { get; set; }

    // Criteria
    public List<RequestProduct> Products { get; set; } = [];
    public int? SectorId { get; set; }
    public int? RegionId { get; set; }
    public SizeBand? SizeBand { get; set; }
    public SeniorityTier? MinimumSeniority { get; set; }
    public string? Language { get; set; }

    public int AdvocatesNeeded { get; set; } = 1;
    public DateOnly NeededBy { get; set; }
    public FulfilmentMode Mode { get; set; }
    public RequestStatus Status { get; set; }
    public string? Notes { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    public List<RequestParticipant> Participants { get; set; } = [];
}

/// <summary>A product the prospect buys or evaluates: an advocate who owns it fits the request better.</summary>
public class RequestProduct
{
    public int RequestId { get; set; }
    public int ProductId { get; set; }
}

/// <summary>Where one advocate stands within a request.</summary>
public enum ParticipantStatus
{
    Proposed = 0,
    AwaitingOwnerApproval = 1,
    OwnerBlocked = 2,
    Asked = 3,
    Accepted = 4,
    Declined = 5,
    Scheduled = 6,
    Completed = 7,
    NoShow = 8,
    Cancelled = 9,
}

/// <summary>The reason an account owner gives for blocking an approach to their customer.</summary>
public enum ObjectionReason
{
    BigBidInProgress = 0,
    ServiceProblems = 1,
    Reorganising = 2,
    TooBusy = 3,
    CorporatePolicy = 4,
    Other = 5,
}

/// <summary>An advocate picked for a request, and everything that happened to that approach.</summary>
public class RequestParticipant
{
    public int Id { get; set; }
    public int RequestId { get; set; }
    public int AdvocateId { get; set; }
    public Advocate? Advocate { get; set; }
    public ParticipantStatus Status { get; set; }

    public string? OwnerDecisionById { get; set; }
    public DateTimeOffset? OwnerDecidedAt { get; set; }
    public ObjectionReason? Objection { get; set; }
    public string? ObjectionNote { get; set; }

    /// <summary>SHA-256 of the secret in the advocate's link; the secret itself is only in the e-mail.</summary>
    public string? AskTokenHash { get; set; }

    public DateTimeOffset? AskExpiresAt { get; set; }
    public DateTimeOffset? AskedAt { get; set; }
    public DateTimeOffset? AnsweredAt { get; set; }
    public string? DeclineReason { get; set; }

    /// <summary>Times the advocate offered, JSON array of ISO instants.</summary>
    public string? OfferedSlots { get; set; }

    public DateTimeOffset? ScheduledStart { get; set; }
    public int ScheduledMinutes { get; set; } = 30;

    /// <summary>How to join the booked activity (a video link, a phone number, an address), as the invitation says.</summary>
    public string? JoinDetails { get; set; }

    /// <summary>SHA-256 of the secret in the reminder mailed to an advocate who has not answered; it opens the same ask.</summary>
    public string? ReminderTokenHash { get; set; }

    // Feedback after completion
    public bool? RequesterSaysHappened { get; set; }
    public int? RequesterQuality { get; set; }
    public bool? RequesterWouldUseAgain { get; set; }
    public string? RequesterComment { get; set; }
    public int? AdvocateRating { get; set; }
    public string? AdvocateComment { get; set; }
    public DateTimeOffset? AdvocateFeedbackAt { get; set; }

    /// <summary>SHA-256 of the secret in the advocate's feedback link, mailed after completion.</summary>
    public string? FeedbackTokenHash { get; set; }

    public DateTimeOffset? FeedbackExpiresAt { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}

/// <summary>One dated transition of a request or a participant, and who made it.</summary>
public class RequestEvent
{
    public long Id { get; set; }
    public int RequestId { get; set; }
    public int? ParticipantId { get; set; }
    public required string From { get; set; }
    public required string To { get; set; }
    public DateTimeOffset At { get; set; }
    public string? ById { get; set; }
    public string? ByName { get; set; }
    public string? Note { get; set; }
}
