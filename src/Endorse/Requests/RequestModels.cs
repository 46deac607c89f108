using Endorse.Accounts;
using Endorse.Advocates;
using Endorse.Contacts;
using Endorse.Listing;
using Endorse.Users;

namespace Endorse.Requests;

/// <summary>Who is acting on a request: their id, name and roles.</summary>
public sealed record RequestActor(string UserId, string? Name, IReadOnlyCollection<string> Roles)
{
    public bool IsReferenceManager => Roles.Contains(Users.Roles.ReferenceManager) || Roles.Contains(Users.Roles.Administrator);
}

/// <summary>What a requester fills in to ask for advocacy. The criteria (products to language) are optional.</summary>
public sealed record RequestInput(
    int? OpportunityId,
    string? ProspectName,
    ActivityType? ActivityType,
    IReadOnlyList<int>? ProductIds,
    int? SectorId,
    int? RegionId,
    SizeBand? SizeBand,
    SeniorityTier? MinimumSeniority,
    string? Language,
    int? AdvocatesNeeded,
    DateOnly? NeededBy,
    string? Notes);

/// <summary>The criteria an opportunity suggests for a request (from the CRM data).</summary>
public sealed record OpportunityCriteria(int? ProductId, int? SectorId, int? RegionId, SizeBand? SizeBand);

public sealed record ProposeInput(IReadOnlyList<int>? AdvocateIds);

public sealed record BlockInput(ObjectionReason? Reason, string? Note);

/// <summary>A time the advocate offered, how long, and how to join (a video link, a phone number, an address; optional).</summary>
public sealed record ScheduleInput(DateTimeOffset? Slot, int? Minutes, string? Joining = null);

public sealed record FeedbackInput(bool? Happened, int? Quality, bool? WouldUseAgain, string? Comment);

/// <summary>What the advocate thought of an activity they took part in: a rating 1–5 and a comment.</summary>
public sealed record AdvocateFeedbackInput(int? Rating, string? Comment);

public sealed record RequestRow(
    int Id,
    string? ProspectName,
    int? OpportunityId,
    string? OpportunityName,
    ActivityType ActivityType,
    RequestStatus Status,
    FulfilmentMode Mode,
    DateOnly NeededBy,
    int AdvocatesNeeded,
    string? RequesterName,
    DateTimeOffset CreatedAt)
{
    public bool Overdue { get; init; }
    public bool DueSoon { get; init; }
}

public sealed record BoardFilter(RequestStatus? Status, bool? Overdue);

public sealed record ParticipantView(
    int Id,
    int AdvocateId,
    string AdvocateName,
    string? AccountName,
    ParticipantStatus Status,
    ObjectionReason? Objection,
    string? ObjectionNote,
    DateTimeOffset? AskedAt,
    DateTimeOffset? AskExpiresAt,
    DateTimeOffset? AnsweredAt,
    string? DeclineReason,
    IReadOnlyList<DateTimeOffset> OfferedSlots,
    DateTimeOffset? ScheduledStart,
    int? Quality)
{
    public IReadOnlyList<string> Actions { get; init; } = [];

    /// <summary>Who decides an approach awaiting approval: the account owner's name.</summary>
    public string? AccountOwnerName { get; init; }

    public bool? WouldUseAgain { get; init; }
    public string? RequesterComment { get; init; }
    public int? AdvocateRating { get; init; }
    public string? AdvocateComment { get; init; }

    /// <summary>For a blocked approach: the program's playbook answer to the objection given.</summary>
    public string? PlaybookAnswer { get; init; }
}

/// <summary>One dated transition; <see cref="AdvocateName"/> names the advocate when it concerns one approach.</summary>
public sealed record EventView(DateTimeOffset At, int? ParticipantId, string From, string To, string? ByName, string? Note)
{
    public string? AdvocateName { get; init; }
}

public sealed record RequestDetails(
    int Id,
    string RequesterId,
    string? RequesterName,
    int? OpportunityId,
    string? OpportunityName,
    string? ProspectName,
    ActivityType ActivityType,
    IReadOnlyList<int> ProductIds,
    int? SectorId,
    int? RegionId,
    SizeBand? SizeBand,
    SeniorityTier? MinimumSeniority,
    string? Language,
    int AdvocatesNeeded,
    DateOnly NeededBy,
    FulfilmentMode Mode,
    RequestStatus Status,
    string? Notes,
    DateTimeOffset CreatedAt,
    IReadOnlyList<ParticipantView> Participants,
    IReadOnlyList<EventView> History)
{
    public bool Overdue { get; init; }
    public bool DueSoon { get; init; }

    /// <summary>The names of <see cref="ProductIds"/>, in the same order.</summary>
    public IReadOnlyList<string> ProductNames { get; init; } = [];

    public string? SectorName { get; init; }
    public string? RegionName { get; init; }

    /// <summary>Whether the caller may pick advocates from the ranking (the reference manager; the requester in self-serve).</summary>
    public bool MayPick { get; init; }

    /// <summary>How many more advocates may be proposed: needed minus those still on it.</summary>
    public int StillNeeded { get; init; }
}

/// <summary>A service answer: the value, or why not (field errors, not found, forbidden, or a conflict sentence).</summary>
public sealed record RequestOutcome<T>(T? Value, ValidationErrors? Errors = null, bool NotFound = false, bool Forbidden = false, string? Conflict = null)
{
    public bool Succeeded => Errors is null && !NotFound && !Forbidden && Conflict is null;
}

public static class RequestOutcome
{
    public static RequestOutcome<T> Ok<T>(T value) => new(value);
    public static RequestOutcome<T> Invalid<T>(ValidationErrors errors) => new(default, errors);
    public static RequestOutcome<T> Invalid<T>(string field, string message) => new(default, new ValidationErrors().Add(field, message));
    public static RequestOutcome<T> Missing<T>() => new(default, NotFound: true);
    public static RequestOutcome<T> Denied<T>() => new(default, Forbidden: true);
    public static RequestOutcome<T> Refused<T>(string why) => new(default, Conflict: why);
}

/// <summary>What the advocate's link shows, or why it shows nothing.</summary>
public enum LinkState
{
    /// <summary>The ask is open: accept with times, or decline.</summary>
    Open = 0,
    Invalid = 1,
    Expired = 2,
    Answered = 3,

    /// <summary>A feedback link after the activity: the advocate's rating is still to give.</summary>
    Feedback = 4,

    /// <summary>A feedback link whose feedback was given.</summary>
    FeedbackGiven = 5,
}

public sealed record PortalView(
    LinkState State,
    string? AdvocateFirstName,
    ActivityType ActivityType,
    string? Prospect,
    DateOnly NeededBy,
    string? RequesterName,
    DateTimeOffset? AnsweredAt,
    ParticipantStatus Status)
{
    /// <summary>When the activity was (a feedback link shows it).</summary>
    public DateTimeOffset? ScheduledStart { get; init; }

    /// <summary>The advocate's time zone when they gave one before (the page asks once and remembers it).</summary>
    public string? AdvocateTimeZone { get; init; }

    /// <summary>The times the advocate offered, once they accepted.</summary>
    public IReadOnlyList<DateTimeOffset> OfferedSlots { get; init; } = [];
}
