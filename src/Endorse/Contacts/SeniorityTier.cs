namespace Endorse.Contacts;

/// <summary>How senior a contact is; the higher the advocate, the more weight their word carries.</summary>
public enum SeniorityTier
{
    Unknown = 0,
    Practitioner = 1,
    Manager = 2,
    Director = 3,
    VicePresident = 4,
    CLevel = 5,
}
