using Endorse.Accounts;
using Endorse.Advocates;

namespace Endorse.Fatigue;

/// <summary>Which activities an account's disclosure permission allows. Nothing in the product may break it.</summary>
public static class DisclosureRules
{
    /// <summary>
    /// Named and public: everything. Named calls only: private, named conversations (reference calls, site visits,
    /// RFP letters, analyst calls) and anonymous uses (anonymous case study, anonymous peer review), never press or
    /// a stage. Anonymous only (and Unknown, treated the same until agreed): anonymous case-study use and peer
    /// reviews. No publicity: nothing.
    /// </summary>
    public static bool Allows(DisclosurePermission permission, ActivityType activity) => permission switch
    {
        DisclosurePermission.NamedPublic => true,
        DisclosurePermission.NamedCallsOnly => activity is not (ActivityType.PressInterview or ActivityType.SpeakingOrWebinar),
        DisclosurePermission.AnonymousOnly or DisclosurePermission.Unknown =>
            activity is ActivityType.CaseStudyUse or ActivityType.PeerReview,
        _ => false,
    };

    public static string Describe(DisclosurePermission permission) => permission switch
    {
        DisclosurePermission.NamedPublic => "named and public",
        DisclosurePermission.NamedCallsOnly => "named reference calls only",
        DisclosurePermission.AnonymousOnly => "anonymous only",
        DisclosurePermission.NoPublicity => "no publicity",
        _ => "not yet agreed (anonymous only)",
    };
}
