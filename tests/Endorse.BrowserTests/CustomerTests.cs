using System.Text.RegularExpressions;
using Endorse.BrowserTests.Infrastructure;
using Endorse.BrowserTests.Pages;
using Endorse.Users;
using static Microsoft.Playwright.Assertions;

namespace Endorse.BrowserTests;

/// <summary>Browsing and searching the customer lists as a person would, on records made through the API.</summary>
[Collection(BrowserCollection.Name)]
public partial class CustomerTests(BrowserApp app)
{
    [Fact]
    public async Task The_accounts_list_narrows_as_you_search_and_opens_an_account()
    {
        var word = Api.UniqueWord("Qu");
        using (var api = await app.Server.ApiClientForAsync(DemoUser.EmailOf(Roles.ReferenceManager)))
        {
            await Api.CreateAccountAsync(api, $"{word} Alpha Industries", "DE");
            await Api.CreateAccountAsync(api, $"{word} Beta Logistics", "FR");
            await Api.CreateAccountAsync(api, $"{word}s Gamma Foods", "US");
        }

        var page = await app.NewPageAsync();
        var shell = await (await new SignInPage(page).OpenAsync()).SignInAsync(DemoUser.EmailOf(Roles.SalesManager), DemoUser.Password);
        await shell.GoToAsync("Accounts");
        var accounts = new ListPage(page, "accounts", "Accounts");
        await Expect(accounts.Heading).ToBeVisibleAsync();
        await Expect(accounts.RowLinks.First).ToBeVisibleAsync();
        await BrowserApp.ScreenshotAsync(page, "accounts");

        await accounts.SearchAsync(word);
        await Expect(accounts.RowLinks).ToHaveCountAsync(3);

        await accounts.SearchAsync(word + "s");
        await Expect(accounts.RowLinks).ToHaveCountAsync(1);
        await Expect(accounts.RowLink($"{word}s Gamma Foods")).ToBeVisibleAsync();

        await accounts.SearchAsync(word + " Be");
        await Expect(accounts.RowLinks).ToHaveCountAsync(1);
        await Expect(accounts.RowLink($"{word} Beta Logistics")).ToBeVisibleAsync();
        await BrowserApp.ScreenshotAsync(page, "accounts-search");

        await accounts.RowLink($"{word} Beta Logistics").ClickAsync();
        await Expect(page).ToHaveURLAsync(AccountUrl());
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync($"{word} Beta Logistics");
        await BrowserApp.ScreenshotAsync(page, "account-details");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task The_contacts_list_shows_and_finds_contacts()
    {
        var word = Api.UniqueWord("Ve");
        using (var api = await app.Server.ApiClientForAsync(DemoUser.EmailOf(Roles.ReferenceManager)))
        {
            var account = await Api.CreateAccountAsync(api, $"{word} Contact Holdings");
            await Api.CreateContactAsync(api, account, "Ada", word, "Chief Information Officer");
            await Api.CreateContactAsync(api, account, "Bo", word + "son", "IT Manager");
        }

        var page = await app.NewPageAsync();
        var shell = await (await new SignInPage(page).OpenAsync()).SignInAsync(DemoUser.EmailOf(Roles.Marketing), DemoUser.Password);
        await shell.GoToAsync("Contacts");
        var contacts = new ListPage(page, "contacts", "Contacts");
        await Expect(contacts.Heading).ToBeVisibleAsync();
        await Expect(contacts.RowLinks.First).ToBeVisibleAsync();
        await BrowserApp.ScreenshotAsync(page, "contacts");

        await contacts.SearchAsync(word);
        await Expect(contacts.RowLinks).ToHaveCountAsync(2);
        await Expect(page.Locator(".mud-table-body")).ToContainTextAsync("Chief Information Officer");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task The_accounts_list_is_usable_on_a_phone()
    {
        var page = await app.NewPageAsync(390, 844);
        await (await new SignInPage(page).OpenAsync()).SignInAsync(DemoUser.EmailOf(Roles.SalesRep), DemoUser.Password);
        var accounts = await new ListPage(page, "accounts", "Accounts").OpenAsync();
        await Expect(accounts.Search).ToBeVisibleAsync();
        await BrowserApp.ScreenshotAsync(page, "phone-accounts");
        await page.Context.CloseAsync();
    }

    [GeneratedRegex(@"/accounts/\d+$")]
    private static partial Regex AccountUrl();
}
