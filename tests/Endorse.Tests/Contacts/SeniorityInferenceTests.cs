using Endorse.Contacts;

namespace Endorse.Tests.Contacts;

public class SeniorityInferenceTests
{
    [Theory]
    [InlineData("Chief Information Officer", SeniorityTier.CLevel)]
    [InlineData("CFO", SeniorityTier.CLevel)]
    [InlineData("Co-Founder & President", SeniorityTier.CLevel)]
    [InlineData("SVP, Operations", SeniorityTier.VicePresident)]
    [InlineData("Vice President of Sales", SeniorityTier.VicePresident)]
    [InlineData("Head of IT", SeniorityTier.Director)]
    [InlineData("Director, Procurement", SeniorityTier.Director)]
    [InlineData("IT Manager", SeniorityTier.Manager)]
    [InlineData("Product Owner", SeniorityTier.Manager)]
    [InlineData("Team Lead Platform", SeniorityTier.Manager)]
    [InlineData("Software Engineer", SeniorityTier.Practitioner)]
    [InlineData("Executive Assistant to the CEO", SeniorityTier.Practitioner)]
    [InlineData("", SeniorityTier.Unknown)]
    [InlineData(null, SeniorityTier.Unknown)]
    public void Infers_the_tier_a_person_would_read_from_the_title(string? title, SeniorityTier expected) =>
        Assert.Equal(expected, SeniorityInference.FromTitle(title));
}
