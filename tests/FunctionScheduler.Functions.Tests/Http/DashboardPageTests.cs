using System.Text;
using FunctionScheduler.Dashboard.Tests.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace FunctionScheduler.Functions.Tests.Http;

/// <summary>
/// The dashboard as the Functions app serves it (the anonymous Dashboard and DashboardFile functions over real
/// Kestrel, <see cref="FunctionsHttpFixture"/>), in Chromium: the same page, calling the app's functions with the
/// function key in x-functions-key. Fires need the Durable runtime, which this host does not run: the page's reads,
/// create and actions are what is checked here; firing is the standalone browser suite's.
/// </summary>
public sealed class DashboardPageTests(FunctionsHttpFixture fixture) : IClassFixture<FunctionsHttpFixture>, IAsyncLifetime
{
    private const string FunctionKey = "function-key-for-the-page";

    private Chromium _chromium = null!;

    public async Task InitializeAsync() => _chromium = await Chromium.LaunchAsync();

    public async Task DisposeAsync() => await _chromium.DisposeAsync();

    [Fact]
    public async Task Dashboard_ServedByTheFunctionsApp_ListsTasksAndCreatesThroughTheFunctions()
    {
        using (var created = await fixture.Client.PostAsync("api/tasks", new StringContent(
            """{"id":"fn-listed","name":"Listed","cron":"0 30 2 * * *","timeZone":"Europe/Berlin","url":"https://target.example/hook"}""",
            Encoding.UTF8, "application/json")))
        {
            created.EnsureSuccessStatusCode();
        }

        var page = await _chromium.NewPageAsync();
        var calls = new List<IRequest>();
        page.Request += (_, request) => calls.Add(request);

        // The bare path redirects to the slash form, under which the page's modules resolve.
        await page.GotoAsync(new Uri(fixture.Client.BaseAddress!, "api/dashboard").AbsoluteUri);
        Assert.EndsWith("/api/dashboard/", page.Url, StringComparison.Ordinal);
        var dialog = page.GetByRole(AriaRole.Dialog);
        await Expect(dialog).ToContainTextAsync("Enter the function key");
        await dialog.GetByLabel("Key").FillAsync(FunctionKey);
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Use key" }).ClickAsync();

        var row = page.Locator("tr[data-task='fn-listed']");
        await Expect(row.GetByText("At 02:30 every day, Europe/Berlin")).ToBeVisibleAsync();
        await Expect(page.Locator("#runtime")).ToHaveTextAsync("functions");
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "API reference" })).ToBeHiddenAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = "New task" }).First.ClickAsync();
        await page.GetByLabel("Id", new() { Exact = true }).FillAsync("fn-created");
        await page.GetByLabel("Cron expression").FillAsync("0 0 * * *");
        await page.GetByLabel("Time zone").FillAsync("Asia/Tokyo");
        await Expect(page.Locator(".preview").GetByText("At 00:00 every day, Asia/Tokyo")).ToBeVisibleAsync();
        await page.GetByLabel("URL").FillAsync("https://target.example/created");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "fn-created" })).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Pause", Exact = true }).ClickAsync();
        await Expect(page.Locator("#detail-title .badge")).ToHaveTextAsync("paused");
        await Chromium.ScreenshotAsync(page, "functions-task-detail");

        var apiCalls = calls.Where(c => c.Url.Contains("/api/tasks", StringComparison.Ordinal) || c.Url.Contains("/api/schedules", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(apiCalls);
        Assert.All(apiCalls, call => Assert.Equal(FunctionKey, call.Headers["x-functions-key"]));
        Assert.All(calls, call => Assert.DoesNotContain(FunctionKey, call.Url, StringComparison.Ordinal));
        using var stored = await fixture.Client.GetAsync("api/tasks/fn-created");
        Assert.Contains("\"lifecycle\":\"paused\"", await stored.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
