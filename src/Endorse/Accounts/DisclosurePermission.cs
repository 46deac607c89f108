namespace Endorse.Accounts;

/// <summary>What a customer allows to be said about it. Nothing in the product may break it.</summary>
public enum DisclosurePermission
{
    /// <summary>Not yet agreed with the customer: treated as anonymous only until it is.</summary>
    Unknown = 0,

    /// <summary>Logo, name and quotes may be used in public.</summary>
    NamedPublic = 1,

    /// <summary>The customer may be named to prospects on reference calls, never in public.</summary>
    NamedCallsOnly = 2,

    /// <summary>Only anonymous stories ("a large European bank").</summary>
    AnonymousOnly = 3,

    /// <summary>A corporate policy forbids any endorsement: don't spend effort here.</summary>
    NoPublicity = 4,
}
