using Endorse.Products;
using Endorse.Taxonomy;

namespace Endorse.Tests.Taxonomy;

public class CatalogValidatorTests
{
    [Fact]
    public void A_product_needs_a_name_of_at_most_150_characters()
    {
        Assert.Contains("name", ProductValidator.Validate(new ProductInput(" ", null, null, false, null, false)).ToDictionary().Keys);
        Assert.Contains("name", ProductValidator.Validate(new ProductInput(new string('x', 151), null, null, false, null, false)).ToDictionary().Keys);
        Assert.True(ProductValidator.Validate(new ProductInput("Ledger Cloud", "Finance", "<script>alert(1)</script>", true, new DateOnly(2025, 1, 1), false)).IsValid);
    }

    [Fact]
    public void A_product_description_is_at_most_2000_characters() =>
        Assert.Equal(["description"], ProductValidator.Validate(new ProductInput("Ledger", null, new string('x', 2001), false, null, false)).ToDictionary().Keys);

    [Fact]
    public void A_sector_needs_a_name() =>
        Assert.Equal(["name"], SectorValidator.Validate(new SectorInput(null, "x")).ToDictionary().Keys);

    [Fact]
    public void A_region_lists_each_country_on_its_own()
    {
        Assert.True(RegionValidator.Validate(new RegionInput("EMEA", ["DE", "France"])).IsValid);
        Assert.Equal(["countries"], RegionValidator.Validate(new RegionInput("EMEA", ["DE, FR"])).ToDictionary().Keys);
        Assert.Equal(["countries"], RegionValidator.Validate(new RegionInput("EMEA", [new string('x', 101)])).ToDictionary().Keys);
    }

    [Fact]
    public void A_sales_area_needs_a_name() =>
        Assert.Equal(["name"], SalesAreaValidator.Validate(new SalesAreaInput("", 1, null)).ToDictionary().Keys);
}
