using System.Text;
using Endorse.AccessTokens;
using Endorse.Accounts;
using Endorse.Activities;
using Endorse.Advocates;
using Endorse.Contacts;
using Endorse.Fatigue;
using Endorse.Import;
using Endorse.Listing;
using Endorse.Matching;
using Endorse.Notifications;
using Endorse.Opportunities;
using Endorse.Requests;

namespace Endorse.Formatting;

/// <summary>
/// The words a person reads for every value of every enum: the one place pages, mails, notifications, exports,
/// validation messages and the API description take them from, so no code name (`ActivityType`, `NoShow`) reaches a
/// person. <see cref="Phrase{T}"/> is the value inside a sentence ("a reference call"), <see cref="Label{T}"/> the
/// value on its own (a chip, a column: "Reference call").
/// </summary>
public static class Words
{
    private static readonly Dictionary<Type, Dictionary<string, string>> Phrases = new()
    {
        [typeof(ActivityType)] = new()
        {
            [nameof(ActivityType.ReferenceCall)] = "reference call",
            [nameof(ActivityType.SiteVisit)] = "site visit",
            [nameof(ActivityType.CaseStudyUse)] = "case-study use",
            [nameof(ActivityType.PressInterview)] = "press interview",
            [nameof(ActivityType.SpeakingOrWebinar)] = "speaking or webinar",
            [nameof(ActivityType.RfpLetter)] = "RFP letter",
            [nameof(ActivityType.PeerReview)] = "peer review",
            [nameof(ActivityType.AnalystCall)] = "analyst call",
        },
        [typeof(AdvocateStatus)] = new()
        {
            [nameof(AdvocateStatus.Candidate)] = "candidate",
            [nameof(AdvocateStatus.Active)] = "active",
            [nameof(AdvocateStatus.Resting)] = "resting",
            [nameof(AdvocateStatus.Retired)] = "retired",
            [nameof(AdvocateStatus.DoNotContact)] = "do not contact",
        },
        [typeof(ContactChannel)] = new()
        {
            [nameof(ContactChannel.Email)] = "e-mail",
            [nameof(ContactChannel.Phone)] = "phone",
            [nameof(ContactChannel.VideoCall)] = "video call",
            [nameof(ContactChannel.InPerson)] = "in person",
        },
        [typeof(SeniorityTier)] = new()
        {
            [nameof(SeniorityTier.Unknown)] = "unknown",
            [nameof(SeniorityTier.Practitioner)] = "practitioner",
            [nameof(SeniorityTier.Manager)] = "manager",
            [nameof(SeniorityTier.Director)] = "director",
            [nameof(SeniorityTier.VicePresident)] = "VP",
            [nameof(SeniorityTier.CLevel)] = "C-level",
        },
        [typeof(SizeBand)] = new()
        {
            [nameof(SizeBand.Unknown)] = "unknown",
            [nameof(SizeBand.Small)] = "small",
            [nameof(SizeBand.MidMarket)] = "mid-market",
            [nameof(SizeBand.Large)] = "large",
            [nameof(SizeBand.Enterprise)] = "enterprise",
        },
        [typeof(DisclosurePermission)] = new()
        {
            [nameof(DisclosurePermission.Unknown)] = "not yet agreed (anonymous only)",
            [nameof(DisclosurePermission.NamedPublic)] = "named and public",
            [nameof(DisclosurePermission.NamedCallsOnly)] = "named reference calls only",
            [nameof(DisclosurePermission.AnonymousOnly)] = "anonymous only",
            [nameof(DisclosurePermission.NoPublicity)] = "no publicity",
        },
        [typeof(SatisfactionKind)] = new()
        {
            [nameof(SatisfactionKind.None)] = "none",
            [nameof(SatisfactionKind.Nps)] = "NPS",
            [nameof(SatisfactionKind.Csat)] = "CSAT",
        },
        [typeof(RequestStatus)] = new()
        {
            [nameof(RequestStatus.Submitted)] = "submitted",
            [nameof(RequestStatus.Matched)] = "matched",
            [nameof(RequestStatus.AwaitingOwnerApproval)] = "awaiting the owner's approval",
            [nameof(RequestStatus.AdvocateAsked)] = "advocate asked",
            [nameof(RequestStatus.Accepted)] = "accepted",
            [nameof(RequestStatus.Declined)] = "declined",
            [nameof(RequestStatus.Scheduled)] = "scheduled",
            [nameof(RequestStatus.Completed)] = "completed",
            [nameof(RequestStatus.NoShow)] = "no-show",
            [nameof(RequestStatus.Cancelled)] = "cancelled",
        },
        [typeof(ParticipantStatus)] = new()
        {
            [nameof(ParticipantStatus.Proposed)] = "proposed",
            [nameof(ParticipantStatus.AwaitingOwnerApproval)] = "awaiting the owner's approval",
            [nameof(ParticipantStatus.OwnerBlocked)] = "blocked by the owner",
            [nameof(ParticipantStatus.Asked)] = "asked",
            [nameof(ParticipantStatus.Accepted)] = "accepted",
            [nameof(ParticipantStatus.Declined)] = "declined",
            [nameof(ParticipantStatus.Scheduled)] = "scheduled",
            [nameof(ParticipantStatus.Completed)] = "completed",
            [nameof(ParticipantStatus.NoShow)] = "no-show",
            [nameof(ParticipantStatus.Cancelled)] = "cancelled",
        },
        [typeof(ObjectionReason)] = new()
        {
            [nameof(ObjectionReason.BigBidInProgress)] = "big bid in progress",
            [nameof(ObjectionReason.ServiceProblems)] = "service problems",
            [nameof(ObjectionReason.Reorganising)] = "reorganising",
            [nameof(ObjectionReason.TooBusy)] = "too busy",
            [nameof(ObjectionReason.CorporatePolicy)] = "corporate policy",
            [nameof(ObjectionReason.Other)] = "other",
        },
        [typeof(FulfilmentMode)] = new()
        {
            [nameof(FulfilmentMode.Managed)] = "managed by the reference team",
            [nameof(FulfilmentMode.SelfServe)] = "self-serve by the requester",
        },
        [typeof(MatchFactor)] = new()
        {
            [nameof(MatchFactor.Product)] = "product",
            [nameof(MatchFactor.Sector)] = "sector",
            [nameof(MatchFactor.Region)] = "region",
            [nameof(MatchFactor.Size)] = "company size",
            [nameof(MatchFactor.Seniority)] = "seniority wanted",
            [nameof(MatchFactor.Language)] = "language",
            [nameof(MatchFactor.ActivityType)] = "activity",
            [nameof(MatchFactor.Satisfaction)] = "satisfaction",
            [nameof(MatchFactor.Tenure)] = "years as a customer",
            [nameof(MatchFactor.SeniorityTier)] = "seniority of the advocate",
            [nameof(MatchFactor.Feedback)] = "feedback on past activities",
            [nameof(MatchFactor.FatigueHeadroom)] = "room under the fatigue caps",
            [nameof(MatchFactor.Rotation)] = "time since last asked",
        },
        [typeof(AdvocacyActivityState)] = new()
        {
            [nameof(AdvocacyActivityState.Booked)] = "booked",
            [nameof(AdvocacyActivityState.Completed)] = "completed",
            [nameof(AdvocacyActivityState.Cancelled)] = "cancelled",
            [nameof(AdvocacyActivityState.NoShow)] = "no-show",
        },
        [typeof(ImportEntity)] = new()
        {
            [nameof(ImportEntity.Accounts)] = "accounts",
            [nameof(ImportEntity.Contacts)] = "contacts",
            [nameof(ImportEntity.Opportunities)] = "opportunities",
        },
        [typeof(ImportFormat)] = new()
        {
            [nameof(ImportFormat.Salesforce)] = "Salesforce",
            [nameof(ImportFormat.HubSpot)] = "HubSpot",
            [nameof(ImportFormat.GenericCsv)] = "CSV with a column mapping",
        },
        [typeof(ImportStatus)] = new()
        {
            [nameof(ImportStatus.Queued)] = "queued",
            [nameof(ImportStatus.Running)] = "running",
            [nameof(ImportStatus.Completed)] = "completed",
            [nameof(ImportStatus.Failed)] = "failed",
            [nameof(ImportStatus.Interrupted)] = "interrupted",
        },
        [typeof(SourceSystem)] = new()
        {
            [nameof(SourceSystem.Endorse)] = "Endorse",
            [nameof(SourceSystem.Salesforce)] = "Salesforce",
            [nameof(SourceSystem.HubSpot)] = "HubSpot",
            [nameof(SourceSystem.Csv)] = "CSV",
        },
        [typeof(MailStatus)] = new()
        {
            [nameof(MailStatus.Pending)] = "waiting to be sent",
            [nameof(MailStatus.Sent)] = "sent",
            [nameof(MailStatus.Failed)] = "failed",
        },
        [typeof(AccessTokenStatus)] = new()
        {
            [nameof(AccessTokenStatus.Active)] = "active",
            [nameof(AccessTokenStatus.Expired)] = "expired",
            [nameof(AccessTokenStatus.Revoked)] = "revoked",
        },
        [typeof(OpportunityStatus)] = new()
        {
            [nameof(OpportunityStatus.Open)] = "open",
            [nameof(OpportunityStatus.Closed)] = "closed",
            [nameof(OpportunityStatus.Won)] = "won",
            [nameof(OpportunityStatus.Lost)] = "lost",
        },
        [typeof(DateStyle)] = new()
        {
            [nameof(DateStyle.DayMonthName)] = "3 Dec 2026",
            [nameof(DateStyle.Iso)] = "2026-12-03",
            [nameof(DateStyle.DayMonthYear)] = "03/12/2026 (day first)",
            [nameof(DateStyle.MonthDayYear)] = "12/03/2026 (month first)",
            [nameof(DateStyle.DayMonthYearDots)] = "03.12.2026",
            [nameof(DateStyle.MonthNameDay)] = "Dec 3, 2026",
        },
        [typeof(BlockReasons)] = new()
        {
            [nameof(BlockReasons.None)] = "none",
            [nameof(BlockReasons.DoNotContact)] = "do not contact",
            [nameof(BlockReasons.Retired)] = "retired",
            [nameof(BlockReasons.NotYetActive)] = "not yet active",
            [nameof(BlockReasons.Resting)] = "resting",
            [nameof(BlockReasons.AdvocateCapReached)] = "advocate's cap reached",
            [nameof(BlockReasons.AccountCapReached)] = "account's cap reached",
            [nameof(BlockReasons.CoolDown)] = "cool-down",
            [nameof(BlockReasons.PreferenceCapReached)] = "advocate's own limit reached",
            [nameof(BlockReasons.Blackout)] = "blackout",
            [nameof(BlockReasons.OpenEscalation)] = "open escalation",
            [nameof(BlockReasons.LowSatisfaction)] = "low satisfaction",
            [nameof(BlockReasons.RenewalSoon)] = "renewal soon",
            [nameof(BlockReasons.NoPublicity)] = "no publicity",
            [nameof(BlockReasons.PermissionForbidsActivity)] = "disclosure permission forbids it",
            [nameof(BlockReasons.DoesNotDoActivity)] = "does not do this activity",
        },
    };

    /// <summary>The value as it reads inside a sentence: "reference call", "RFP letter", "awaiting the owner's approval".</summary>
    public static string Phrase<T>(T value)
        where T : struct, Enum => Phrase(typeof(T), value.ToString());

    /// <summary>The value on its own, first letter capital: "Reference call", "RFP letter".</summary>
    public static string Label<T>(T value)
        where T : struct, Enum => Capitalize(Phrase(value));

    /// <summary>The phrase of a value given by type and name (the request history stores state names).</summary>
    public static string Phrase(Type enumType, string name)
    {
        ArgumentNullException.ThrowIfNull(enumType);
        ArgumentNullException.ThrowIfNull(name);
        return Phrases.TryGetValue(enumType, out var names) && names.TryGetValue(name, out var phrase) ? phrase : Split(name);
    }

    /// <summary>Every value of an enum with its words, in declaration order.</summary>
    public static IReadOnlyList<(T Value, string Label)> All<T>()
        where T : struct, Enum => [.. Enum.GetValues<T>().Select(v => (v, Label(v)))];

    /// <summary>"`ReferenceCall`: reference call; `SiteVisit`: site visit; …": an enum's values for the API description.</summary>
    public static string ApiDescription(Type enumType)
    {
        ArgumentNullException.ThrowIfNull(enumType);
        return string.Join("; ", Enum.GetNames(enumType).Select(n => $"`{n}`: {Phrase(enumType, n)}"));
    }

    /// <summary>Whether the type has its words here (tests hold every enum of the core to this).</summary>
    public static bool Covers(Type enumType) => Phrases.TryGetValue(enumType, out var names) && Enum.GetNames(enumType).All(names.ContainsKey);

    public static string Capitalize(string text) =>
        string.IsNullOrEmpty(text) || char.IsUpper(text[0]) ? text : char.ToUpperInvariant(text[0]) + text[1..];

    /// <summary>A fallback for a name not in the table: "SomeNewValue" → "some new value" (never the code name itself).</summary>
    private static string Split(string pascal)
    {
        var text = new StringBuilder(pascal.Length + 8);
        for (var i = 0; i < pascal.Length; i++)
        {
            var c = pascal[i];
            if (i > 0 && char.IsUpper(c) && !char.IsUpper(pascal[i - 1]))
            {
                text.Append(' ');
            }

            text.Append(i > 0 && char.IsUpper(c) && (i + 1 >= pascal.Length || !char.IsUpper(pascal[i + 1])) ? char.ToLowerInvariant(c) : c);
        }

        return text.Length > 0 && char.IsUpper(text[0]) && (text.Length == 1 || !char.IsUpper(text[1])) ? char.ToLowerInvariant(text[0]) + text.ToString(1, text.Length - 1) : text.ToString();
    }
}
