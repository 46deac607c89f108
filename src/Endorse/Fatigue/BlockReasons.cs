namespace Endorse.Fatigue;

/// <summary>Why an advocate cannot be asked (a set; each <see cref="FatigueBlock"/> carries one).</summary>
[Flags]
public enum BlockReasons
{
    None = 0,
    DoNotContact = 1 << 0,
    Retired = 1 << 1,
    NotYetActive = 1 << 2,
    Resting = 1 << 3,
    AdvocateCapReached = 1 << 4,
    AccountCapReached = 1 << 5,
    CoolDown = 1 << 6,
    PreferenceCapReached = 1 << 7,
    Blackout = 1 << 8,
    OpenEscalation = 1 << 9,
    LowSatisfaction = 1 << 10,
    RenewalSoon = 1 << 11,
    NoPublicity = 1 << 12,
    PermissionForbidsActivity = 1 << 13,

    /// <summary>Matching only: the advocate's profile does not include the requested activity type.</summary>
    DoesNotDoActivity = 1 << 14,

    /// <summary>A readiness gate: an open opportunity at or above the big-bid amount.</summary>
    BigBid = 1 << 15,

    /// <summary>A readiness gate: the account is reorganising (set with dates).</summary>
    Reorganisation = 1 << 16,

    /// <summary>A readiness gate: the account is on hold (set with dates).</summary>
    OnHold = 1 << 17,

    /// <summary>A readiness gate: unhappy at the go-live check-in.</summary>
    UnhappyOnboarding = 1 << 18,
}
