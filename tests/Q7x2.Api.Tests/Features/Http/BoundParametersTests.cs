using System.Reflection;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Q7x2.Api.Tests.Infrastructure;

namespace Q7x2.Api.Tests.Features.Http;

/// <summary>
/// Every <c>[AsParameters]</c> type declares the properties it binds, so that request delegates can be generated at compile
/// time: the Request Delegate Generator binds only declared properties, and an inherited one (a shared base record's
/// <c>limit</c>, say) would silently never be bound.
/// </summary>
public sealed class BoundParametersTests(Q7x2ApiFactory factory) : IClassFixture<Q7x2ApiFactory>
{
    [Fact]
    public void EveryAsParametersTypeDeclaresEveryPropertyItBinds()
    {
        var types = factory.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .Select(e => e.Metadata.GetMetadata<MethodInfo>())
            .OfType<MethodInfo>()
            .SelectMany(m => m.GetParameters())
            .Where(p => p.GetCustomAttribute<AsParametersAttribute>() is not null)
            .Select(p => p.ParameterType)
            .Distinct()
            .ToList();

        Assert.True(types.Count >= 15, $"only {types.Count} [AsParameters] types found");
        var inherited = types
            .SelectMany(t => t.GetProperties(BindingFlags.Public | BindingFlags.Instance)
                .Where(p => p.CanWrite && p.DeclaringType != t)
                .Select(p => $"{t.Name}.{p.Name} (declared by {p.DeclaringType!.Name})"))
            .ToList();
        Assert.Empty(inherited);
    }
}
