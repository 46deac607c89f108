namespace Endorse.IntegrationTests.Infrastructure;

/// <summary>The system clock moved forward by <see cref="Shift"/>, so a test lets minutes pass without waiting.</summary>
public sealed class MovableClock : TimeProvider
{
    public TimeSpan Shift { get; set; }

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + Shift;
}
