namespace Endorse.Advocates;

/// <summary>Where an advocate stands in the program. Only an active advocate (or one whose rest has ended) can be asked.</summary>
public enum AdvocateStatus
{
    /// <summary>Enrolled but not yet confirmed: not askable until made active.</summary>
    Candidate = 0,

    /// <summary>Askable, within the fatigue policy.</summary>
    Active = 1,

    /// <summary>Resting until a date (or until further notice when no date is set).</summary>
    Resting = 2,

    /// <summary>Left the program.</summary>
    Retired = 3,

    /// <summary>Must never be contacted.</summary>
    DoNotContact = 4,
}
