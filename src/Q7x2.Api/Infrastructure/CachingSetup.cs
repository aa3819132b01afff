using System.IO.Compression;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.AspNetCore.ResponseCompression;
using Microsoft.Extensions.Options;
using Q7x2.Data;
using Q7x2.Data.Entities;

namespace Q7x2.Api.Infrastructure;

/// <summary>
/// Reads under /v1 pass, outermost first: <see cref="ConditionalGetMiddleware"/> (HEAD, 304), the output cache
/// (<see cref="ReadCachePolicy"/>; off with <c>Caching:Enabled=false</c>), then <see cref="RepresentationMiddleware"/>
/// (compression, ETag). Other responses (the OpenAPI document, Swagger UI) are compressed by the framework's middleware.
/// </summary>
internal static class CachingSetup
{
    private static readonly string[] WriteMethods = [HttpMethods.Post, HttpMethods.Put, HttpMethods.Patch, HttpMethods.Delete];

    public static IServiceCollection AddQ7x2Caching(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection("Caching");
        services.Configure<CachingOptions>(section);
        if (section.Get<CachingOptions>() is { Redis: { Length: > 0 } redis } caching)
        {
            services.AddSharedReadStore(redis, caching.RedisInstanceName);
        }

        services.AddOutputCache();
        services.AddOptions<OutputCacheOptions>().Configure<CacheGeneration>((options, generation) =>
        {
            options.UseCaseSensitivePaths = true;
            options.AddBasePolicy(new ReadCachePolicy(generation));
        });
        services.AddSingleton<CacheGeneration>().AddSingleton<ReadCache>().AddSingleton<DatasetVersion>();
        services.AddResponseCompression(options =>
        {
            options.Providers.Add<BrotliCompressionProvider>();
            options.Providers.Add<GzipCompressionProvider>();
            options.MimeTypes = [.. ResponseCompressionDefaults.MimeTypes, "application/problem+json", "application/graphml+xml", "application/vnd.jgf+json"];
        });
        services.Configure<BrotliCompressionProviderOptions>(options => options.Level = CompressionLevel.Fastest);
        services.Configure<GzipCompressionProviderOptions>(options => options.Level = CompressionLevel.Fastest);
        // Also without the cache: it keeps the Dataset-Version of every read current.
        services.AddHostedService<DataVersionWatcher>();

        return services;
    }

    public static WebApplication UseQ7x2Caching(this WebApplication app)
    {
        app.UseMiddleware<ConditionalGetMiddleware>();
        if (app.Services.GetRequiredService<IOptions<CachingOptions>>().Value.Enabled)
        {
            app.UseOutputCache();
        }

        app.UseMiddleware<RepresentationMiddleware>();
        app.UseWhen(context => !context.Request.Path.StartsWithSegments("/v1"), branch => branch.UseResponseCompression());
        return app;
    }

    /// <summary>
    /// Every successful write (or one that failed after it may have committed) empties the read cache before its answer
    /// is sent, so the writer's next GET sees the write. Reads get no filter at all.
    /// </summary>
    public static TBuilder EvictCachedReadsAfterWrites<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder
    {
        builder.Add(endpoint =>
        {
            var methods = endpoint.Metadata.OfType<IHttpMethodMetadata>().SelectMany(m => m.HttpMethods);
            if (methods.Any(m => WriteMethods.Contains(m, StringComparer.OrdinalIgnoreCase)))
            {
                endpoint.FilterFactories.Add(EvictAfter);
            }
        });
        return builder;
    }

    private static EndpointFilterDelegate EvictAfter(EndpointFilterFactoryContext factory, EndpointFilterDelegate next)
    {
        var cache = factory.ApplicationServices.GetRequiredService<ReadCache>();
        var version = factory.ApplicationServices.GetRequiredService<DatasetVersion>();
        return async context =>
        {
            object? result;
            try
            {
                result = await next(context);
            }
            catch
            {
                await cache.EvictAllAsync(CancellationToken.None);
                throw;
            }

            if (Succeeded(result))
            {
                // The version the write's transaction moved: this process's next reads look up only what is read after it.
                var db = context.HttpContext.RequestServices.GetRequiredService<Q7x2Db>();
                try
                {
                    await cache.FollowAsync(ct => DataVersion.ReadAsync(db, ct), CancellationToken.None);
                }
                catch
                {
                    await cache.EvictAllAsync(CancellationToken.None);
                    throw;
                }

                await cache.DropAllAsync(CancellationToken.None);
                await version.RefreshAsync(db, CancellationToken.None);
            }

            return result;
        };
    }

    private static bool Succeeded(object? result) => result switch
    {
        INestedHttpResult nested => Succeeded(nested.Result),
        IStatusCodeHttpResult { StatusCode: { } status } => status is >= 200 and < 300,
        _ => false,
    };
}
