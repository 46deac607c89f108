using Endorse.BrowserTests.Infrastructure;
using Endorse.BrowserTests.Pages;
using Endorse.Users;
using static Microsoft.Playwright.Assertions;

namespace Endorse.BrowserTests;

/// <summary>The catalog lists (products, sectors, regions, sales areas): create one, find it, and be told when the name is missing.</summary>
[Collection(BrowserCollection.Name)]
public class CatalogTests(BrowserApp app)
{
    [Theory]
    [InlineData("products", "product", "Products")]
    [InlineData("sectors", "sector", "Sectors")]
    [InlineData("regions", "region", "Regions")]
    [InlineData("sales-areas", "salesarea", "Sales areas")]
    public async Task A_reference_manager_creates_an_entry_sees_it_listed_and_finds_it_by_search(string path, string item, string title)
    {
        var (page, _) = await Session.SignInAsync(app, Roles.ReferenceManager);
        await Session.OpenAsync(page, "/" + path);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = title, Level = 1 })).ToBeVisibleAsync();

        // An empty name is refused with a message in the dialog, which stays open.
        await page.GetByTestId(item + "-new").ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog);
        await Expect(dialog).ToBeVisibleAsync();
        await page.GetByTestId(item + "-save").ClickAsync();
        await Expect(page.GetByTestId(item + "-errors")).ToContainTextAsync("Name is required.");
        await BrowserApp.ScreenshotAsync(page, $"catalog-{path}-empty-name");

        var name = Api.UniqueWord("Zy") + " Test";
        await page.GetByTestId(item + "-name").FillAsync(name);
        await page.GetByTestId(item + "-save").ClickAsync();
        await Expect(dialog).ToHaveCountAsync(0);
        var row = page.GetByTestId(item + "-row").GetByRole(AriaRole.Link, new() { Name = name, Exact = true });
        await Expect(row).ToBeVisibleAsync();

        await page.GetByTestId(path + "-search").FillAsync(name[..5]);
        await Expect(page.GetByTestId(item + "-row")).ToHaveCountAsync(1);
        await Expect(row).ToBeVisibleAsync();
        await BrowserApp.ScreenshotAsync(page, $"catalog-{path}");

        await page.GetByTestId(path + "-search").FillAsync(name[..5] + "qq");
        await Expect(page.GetByTestId(path + "-empty")).ToContainTextAsync("matches");
        await page.Context.CloseAsync();
    }
}
