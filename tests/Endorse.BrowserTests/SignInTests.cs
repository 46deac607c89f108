using System.Text.RegularExpressions;
using Endorse.BrowserTests.Infrastructure;
using Endorse.BrowserTests.Pages;
using Endorse.Users;
using static Microsoft.Playwright.Assertions;

namespace Endorse.BrowserTests;

[Collection(BrowserCollection.Name)]
public partial class SignInTests(BrowserApp app)
{
    [Theory, MemberData(nameof(DemoUser.AllRoles), MemberType = typeof(DemoUser))]
    public async Task Each_demo_role_signs_in_and_sees_the_navigation_of_its_role(string role)
    {
        var page = await app.NewPageAsync();
        var shell = await (await new SignInPage(page).OpenAsync()).SignInAsync(DemoUser.EmailOf(role), DemoUser.Password);

        await Expect(page).ToHaveURLAsync(HomeUrl());
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Welcome, " + DemoUser.NameOf(role) })).ToBeVisibleAsync();

        // Everyone reads customers.
        await Expect(shell.NavLink("Accounts")).ToBeVisibleAsync();
        await Expect(shell.NavLink("Contacts")).ToBeVisibleAsync();

        // Only administrators and reference managers import.
        var imports = role is Roles.Administrator or Roles.ReferenceManager;
        await Expect(shell.NavLink("Imports")).ToHaveCountAsync(imports ? 1 : 0);

        // Only administrators manage users and read the audit log.
        if (role == Roles.Administrator)
        {
            await shell.ExpandGroupAsync("Administration", "Users");
            await Expect(shell.NavLink("Users")).ToBeVisibleAsync();
            await Expect(shell.NavLink("Audit log")).ToBeVisibleAsync();
        }
        else
        {
            await Expect(shell.NavGroup("Administration")).ToHaveCountAsync(0);
            await Expect(shell.NavLink("Users")).ToHaveCountAsync(0);
            await Expect(shell.NavLink("Audit log")).ToHaveCountAsync(0);
        }

        await BrowserApp.ScreenshotAsync(page, "home-" + role);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_wrong_password_shows_an_error_and_stays_signed_out()
    {
        var page = await app.NewPageAsync();
        var signIn = await new SignInPage(page).OpenAsync();

        await signIn.SubmitAsync(DemoUser.EmailOf(Roles.SalesManager), "not-the-password-1");

        await Expect(signIn.Error).ToHaveTextAsync("That e-mail and password do not match an active user.");
        await Expect(signIn.Heading).ToBeVisibleAsync();
        await BrowserApp.ScreenshotAsync(page, "signin-error");

        // Still signed out: the home page sends the browser back to the sign-in form.
        await page.GotoAsync("/");
        await Expect(page).ToHaveURLAsync(SignInUrl());
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Signing_out_ends_the_session()
    {
        var page = await app.NewPageAsync();
        var shell = await (await new SignInPage(page).OpenAsync()).SignInAsync(DemoUser.EmailOf(Roles.Marketing), DemoUser.Password);

        await shell.SignOutAsync();

        await page.GotoAsync("/");
        await Expect(page).ToHaveURLAsync(SignInUrl());
        await Expect(new SignInPage(page).Heading).ToBeVisibleAsync();
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task The_sign_in_page_fits_a_phone()
    {
        var page = await app.NewPageAsync(390, 844);
        var signIn = await new SignInPage(page).OpenAsync();
        await BrowserApp.ScreenshotAsync(page, "phone-signin");
        var shell = await signIn.SignInAsync(DemoUser.EmailOf(Roles.SalesRep), DemoUser.Password);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Welcome, " + DemoUser.NameOf(Roles.SalesRep) })).ToBeVisibleAsync();

        // Nothing wider than the screen: no sideways scrolling on a phone.
        var scrollWidth = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
        Assert.True(scrollWidth <= 390, $"The home page is {scrollWidth}px wide on a 390px phone screen.");
        await BrowserApp.ScreenshotAsync(page, "phone-home");
        await page.Context.CloseAsync();
    }

    [GeneratedRegex(@"^http://127\.0\.0\.1:\d+/$")]
    private static partial Regex HomeUrl();

    [GeneratedRegex("/signin")]
    private static partial Regex SignInUrl();
}
