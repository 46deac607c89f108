namespace Endorse.Advocates;

/// <summary>An act of advocacy an advocate may be asked for.</summary>
public enum ActivityType
{
    ReferenceCall = 0,
    SiteVisit = 1,
    CaseStudyUse = 2,
    PressInterview = 3,
    SpeakingOrWebinar = 4,
    RfpLetter = 5,
    PeerReview = 6,
    AnalystCall = 7,
}

public static class ActivityTypes
{
    /// <summary>Every activity type, in declaration order.</summary>
    public static IReadOnlyList<ActivityType> All { get; } = Enum.GetValues<ActivityType>();

    /// <summary>A person's name for one activity ("reference call").</summary>
    public static string Singular(ActivityType type) => type switch
    {
        ActivityType.ReferenceCall => "reference call",
        ActivityType.SiteVisit => "site visit",
        ActivityType.CaseStudyUse => "case-study use",
        ActivityType.PressInterview => "press interview",
        ActivityType.SpeakingOrWebinar => "speaking or webinar",
        ActivityType.RfpLetter => "RFP letter",
        ActivityType.PeerReview => "peer review",
        ActivityType.AnalystCall => "analyst call",
        _ => type.ToString(),
    };

    /// <summary>A person's name for several ("reference calls").</summary>
    public static string Plural(ActivityType type) => type switch
    {
        ActivityType.ReferenceCall => "reference calls",
        ActivityType.SiteVisit => "site visits",
        ActivityType.CaseStudyUse => "case-study uses",
        ActivityType.PressInterview => "press interviews",
        ActivityType.SpeakingOrWebinar => "speaking engagements or webinars",
        ActivityType.RfpLetter => "RFP letters",
        ActivityType.PeerReview => "peer reviews",
        ActivityType.AnalystCall => "analyst calls",
        _ => type.ToString(),
    };

    /// <summary>"1 reference call" / "3 reference calls"; a null type counts activities of any type.</summary>
    public static string Count(int count, ActivityType? type) => type is { } t
        ? $"{count} {(count == 1 ? Singular(t) : Plural(t))}"
        : $"{count} {(count == 1 ? "activity" : "activities")}";
}
