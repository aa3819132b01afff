using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using Q7x2.Api.Tests.Infrastructure;

namespace Q7x2.Api.Tests.Features.OpenApi;

/// <summary>
/// Swagger UI in a real browser (Debian's Chromium, driven by Playwright; no browser is downloaded) against the API serving
/// on a socket: it lists every operation of the document, "Try it out" runs a read and an authorized write and shows their
/// 200 and 201, and the page asks nothing of any host but the API and breaks none of its Content-Security-Policy.
/// Without Chromium the tests are reported as skipped with the reason; with <c>Q7X2_REQUIRE_BROWSER=1</c> (CI) they fail.
/// </summary>
public sealed class SwaggerUiBrowserTests(RunningApi api, SwaggerUiBrowserTests.Browser browser) : IClassFixture<RunningApi>, IClassFixture<SwaggerUiBrowserTests.Browser>
{
    private const string PersonId = "written-in-swagger-ui";

    /// <summary>
    /// How long an answer may take to show: the first write of a fresh API process compiles its whole path, and CI runs test
    /// classes side by side on two cores (Playwright's default of 5 s once ran out while the POST was still loading).
    /// </summary>
    private static readonly LocatorAssertionsToHaveTextOptions AnswerShown = new() { Timeout = 60_000 };

    private static readonly LocatorAssertionsToContainTextOptions AnswerRead = new() { Timeout = 60_000 };

    [SkippableFact]
    public async Task ListsEveryOperationOfTheDocument()
    {
        await using var session = await OpenAsync();

        using var http = new HttpClient { BaseAddress = api.Address };
        using var document = JsonDocument.Parse(await http.GetStringAsync("/openapi/v1.json"));
        var expected = document.RootElement.GetProperty("paths").EnumerateObject()
            .SelectMany(path => path.Value.EnumerateObject().Select(operation => $"{operation.Name.ToUpperInvariant()} {path.Name}"))
            .Order(StringComparer.Ordinal).ToList();

        var shown = await session.Page.Locator(".opblock").EvaluateAllAsync<string[]>(
            "blocks => blocks.map(b => b.querySelector('.opblock-summary-method').textContent.trim() + ' ' + b.querySelector('.opblock-summary-path').getAttribute('data-path'))");

        Assert.True(expected.Count > 80, $"{expected.Count} operations in the document");
        Assert.Equal(expected, shown.Order(StringComparer.Ordinal));
        session.AssertSelfContained();
    }

    [SkippableFact]
    public async Task TryItOutRunsARead()
    {
        await using var session = await OpenAsync();
        var operation = await session.OpenOperationAsync("get", "/v1/people/{id}");

        await operation.Locator("tr[data-param-name='id'] input").FillAsync("sadyr-japarov");
        await operation.Locator("button.execute").ClickAsync();

        var response = operation.Locator(".live-responses-table .response");
        await Assertions.Expect(response.Locator(".response-col_status")).ToHaveTextAsync("200", AnswerShown);
        await Assertions.Expect(response.Locator(".response-col_description")).ToContainTextAsync("Sadyr Japarov", AnswerRead);
        session.AssertSelfContained();
    }

    [SkippableFact]
    public async Task TryItOutRunsAnAuthorizedWrite()
    {
        await using var session = await OpenAsync();
        var page = session.Page;

        await page.Locator(".auth-wrapper .authorize").ClickAsync();
        var dialog = page.Locator(".modal-ux");
        await dialog.Locator("input").FillAsync(TestKeys.Curator);
        await dialog.Locator("button.modal-btn.auth.authorize").ClickAsync();
        await dialog.Locator("button.btn-done").ClickAsync();

        var operation = await session.OpenOperationAsync("post", "/v1/people");
        var body = operation.Locator("textarea.body-param__text");
        await Assertions.Expect(body).Not.ToBeEmptyAsync(new() { Timeout = 30_000 }); // the request example is filled in
        await body.FillAsync($$"""
            {
              "id": "{{PersonId}}", "name": "Sadyr Japarov (written in Swagger UI)", "aliases": [],
              "description": "A person a test wrote through Swagger UI in a browser.", "country": "kyrgyzstan", "role": "President",
              "evidence": [ { "source": "{{Repository.ArticleId}}", "exact": "Kyrgyzstan’s President Sadyr Japarov" } ]
            }
            """);
        await operation.Locator("button.execute").ClickAsync();

        var response = operation.Locator(".live-responses-table .response");
        await Assertions.Expect(response.Locator(".response-col_status")).ToHaveTextAsync("201", AnswerShown);
        await Assertions.Expect(response.Locator(".response-col_description")).ToContainTextAsync(PersonId, AnswerRead);
        session.AssertSelfContained();

        // The write happened in the API, not only on the page.
        using var http = new HttpClient { BaseAddress = api.Address };
        var stored = await http.GetFromJsonAsync<JsonElement>($"/v1/people/{PersonId}");
        Assert.Equal("Sadyr Japarov (written in Swagger UI)", stored.GetProperty("name").GetString());
    }

    private async Task<Session> OpenAsync()
    {
        var chromium = await browser.GetAsync();
        var context = await chromium.NewContextAsync();
        var session = new Session(context, await context.NewPageAsync(), new UriBuilder(api.Address) { Host = Browser.Host }.Uri);
        await session.StartAsync();
        return session;
    }

    /// <summary>One page of Swagger UI: every request the page makes, and every console error (a CSP violation is one).</summary>
    private sealed class Session(IBrowserContext context, IPage page, Uri api) : IAsyncDisposable
    {
        private readonly List<string> _foreign = [];
        private readonly List<string> _errors = [];

        public IPage Page => page;

        public async Task StartAsync()
        {
            // Anything not for the API is recorded and refused: the page must not need it.
            await context.RouteAsync("**/*", async route =>
            {
                if (new Uri(route.Request.Url).GetLeftPart(UriPartial.Authority) == api.GetLeftPart(UriPartial.Authority))
                {
                    await route.ContinueAsync();
                }
                else
                {
                    lock (_foreign)
                    {
                        _foreign.Add(route.Request.Url);
                    }

                    await route.AbortAsync();
                }
            });
            page.Console += (_, message) =>
            {
                if (message.Type == "error")
                {
                    lock (_errors)
                    {
                        _errors.Add(message.Text);
                    }
                }
            };
            page.PageError += (_, error) =>
            {
                lock (_errors)
                {
                    _errors.Add(error);
                }
            };

            await page.GotoAsync(new Uri(api, "/swagger/index.html").ToString());
            await Assertions.Expect(page.Locator(".opblock").First).ToBeVisibleAsync(new() { Timeout = 30_000 });
        }

        /// <summary>Expands an operation and presses "Try it out".</summary>
        public async Task<ILocator> OpenOperationAsync(string method, string path)
        {
            var operation = page.Locator($".opblock-{method}:has(.opblock-summary-path[data-path='{path}'])");
            await operation.Locator(".opblock-summary").ClickAsync();
            await operation.Locator("button.try-out__btn").ClickAsync();
            return operation;
        }

        public void AssertSelfContained()
        {
            lock (_foreign)
            {
                Assert.True(_foreign.Count == 0, "the page asked other hosts: " + string.Join(", ", _foreign));
            }

            lock (_errors)
            {
                Assert.True(_errors.Count == 0, "console errors: " + string.Join(" | ", _errors));
            }
        }

        public async ValueTask DisposeAsync() => await context.CloseAsync();
    }

    /// <summary>
    /// Debian's Chromium (<c>/usr/bin/chromium</c>, or <c>Q7X2_CHROMIUM</c>), headless, started once for the class. It is
    /// started with the flags that keep it off the network (no background traffic, component updates or sync), and resolves
    /// <see cref="Host"/> to 127.0.0.1: the page is opened as a public host name would be, not as localhost, which Swagger
    /// UI treats differently (it skips its online validator badge for localhost).
    /// </summary>
    public sealed class Browser : IAsyncLifetime
    {
        public const string Host = "facts.q7x2.test";

        private static readonly string Executable = Environment.GetEnvironmentVariable("Q7X2_CHROMIUM") is { Length: > 0 } path ? path : "/usr/bin/chromium";
        private static readonly bool Required = Environment.GetEnvironmentVariable("Q7X2_REQUIRE_BROWSER") == "1";

        private IPlaywright? _playwright;
        private IBrowser? _browser;

        public Task InitializeAsync() => Task.CompletedTask;

        public async Task<IBrowser> GetAsync()
        {
            if (!File.Exists(Executable))
            {
                Assert.False(Required, $"Q7X2_REQUIRE_BROWSER=1 and no Chromium at {Executable}");
                Skip.If(true, $"No Chromium at {Executable} (apt-get install chromium, or set Q7X2_CHROMIUM): Swagger UI is not tested in a browser.");
            }

            _playwright ??= await Playwright.CreateAsync();
            return _browser ??= await _playwright.Chromium.LaunchAsync(new()
            {
                ExecutablePath = Executable,
                Headless = true,
                Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                        "--disable-component-update", "--disable-sync", $"--host-resolver-rules=MAP {Host} 127.0.0.1"],
            });
        }

        public async Task DisposeAsync()
        {
            if (_browser is not null)
            {
                await _browser.DisposeAsync();
            }

            _playwright?.Dispose();
        }
    }
}
