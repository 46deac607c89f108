namespace Endorse.Advocates;

/// <summary>How an advocate prefers to be reached.</summary>
public enum ContactChannel
{
    Email = 0,
    Phone = 1,
    VideoCall = 2,
    InPerson = 3,
}
