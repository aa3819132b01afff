using Microsoft.OpenApi;

namespace Q7x2.Api.Infrastructure;

internal static class OpenApiSetup
{
    public static IServiceCollection AddQ7x2OpenApi(this IServiceCollection services) =>
        services.AddOpenApi(options => options.AddParameterExamples().AddDocumentTransformer((document, _, _) =>
        {
            document.Info = new OpenApiInfo
            {
                Title = "Q7x2 Facts API",
                Version = "v1",
                Description = "Hand-curated, source-grounded facts from news articles. Every entity, fact and observation "
                    + "carries evidence: the exact quote and its position (Unicode code points, end exclusive) in the stored source text.",
                Contact = new OpenApiContact { Name = "Q7x2 Facts API team", Url = new Uri("https://example.org/q7x2") },
                License = new OpenApiLicense { Name = "MIT", Identifier = "MIT" },
            };
            document.Servers = [new OpenApiServer { Url = "http://localhost:5080", Description = "Local development" }];
            return Task.CompletedTask;
        }));

    public static WebApplication MapQ7x2OpenApi(this WebApplication app)
    {
        app.MapOpenApi();
        app.UseSwaggerUI(options =>
        {
            options.RoutePrefix = "swagger";
            options.SwaggerEndpoint("/openapi/v1.json", "Q7x2 Facts API v1");
            options.DocumentTitle = "Q7x2 Facts API";
        });
        return app;
    }
}
