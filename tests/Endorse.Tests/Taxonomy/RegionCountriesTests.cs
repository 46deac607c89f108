using Endorse.Taxonomy;

namespace Endorse.Tests.Taxonomy;

public class RegionCountriesTests
{
    private const int Emea = 1;
    private const int NorthAmerica = 2;
    private const int Apac = 3;

    private static readonly RegionCountries Map = new(
    [
        (Emea, "Germany, FR, GBR, Côte d'Ivoire, Netherlands"),
        (NorthAmerica, "US, Canada"),
        (Apac, "Japan; AU"),
    ]);

    [Theory]
    [InlineData("Germany", Emea)]
    [InlineData("germany", Emea)]
    [InlineData("  GERMANY ", Emea)]
    [InlineData("DE", Emea)]
    [InlineData("DEU", Emea)]
    [InlineData("Deutschland", Emea)]
    [InlineData("France", Emea)]
    [InlineData("fr", Emea)]
    [InlineData("United Kingdom", Emea)]
    [InlineData("UK", Emea)]
    [InlineData("Cote d'Ivoire", Emea)]
    [InlineData("The Netherlands", Emea)]
    [InlineData("NL", Emea)]
    [InlineData("United States", NorthAmerica)]
    [InlineData("USA", NorthAmerica)]
    [InlineData("CA", NorthAmerica)]
    [InlineData("JP", Apac)]
    [InlineData("Australia", Apac)]
    public void Places_a_country_given_by_name_or_iso_code_in_the_region_that_lists_it(string country, int expected) =>
        Assert.Equal(expected, Map.RegionFor(country));

    [Theory]
    [InlineData("Brazil")]
    [InlineData("BR")]
    [InlineData("Atlantis")]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    public void Leaves_a_country_no_region_lists_without_a_region(string? country) =>
        Assert.Null(Map.RegionFor(country));

    [Fact]
    public void The_first_region_listing_a_country_keeps_it()
    {
        var map = new RegionCountries([(7, "Spain"), (8, "ES")]);
        Assert.Equal(7, map.RegionFor("es"));
    }

    [Fact]
    public void Stores_a_list_trimmed_without_empties_or_repeats()
    {
        Assert.Equal("Germany, FR", RegionCountries.Join([" Germany ", "", "FR", "germany"]));
        Assert.Equal(["Germany", "FR", "Japan"], RegionCountries.Parse("Germany,FR ; Japan,,"));
        Assert.Null(RegionCountries.Join([]));
    }
}
