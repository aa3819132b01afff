using FluentValidation;
using Q7x2.Data.Text;

namespace Q7x2.Api.Infrastructure;

/// <summary>
/// Runs the FluentValidation validator of every argument that has one; all errors at once, keys camelCase. Which arguments
/// have a validator is worked out once, when the endpoint is built (the validators themselves are built on first use); an
/// endpoint without any gets no filter at all.
/// </summary>
internal static class ValidationFilter
{
    public static TBuilder ValidateArguments<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilterFactory((factory, next) =>
        {
            // Validators are singletons (Program.cs), each resolved once, on the endpoint's first request: building them (their
            // rules compile expressions) at start-up would delay the first answer of every endpoint, validated or not.
            var services = factory.ApplicationServices;
            var registered = services.GetRequiredService<IServiceProviderIsService>();
            var validated = factory.MethodInfo.GetParameters()
                .Select((parameter, index) => (Index: index, Type: typeof(IValidator<>).MakeGenericType(parameter.ParameterType)))
                .Where(p => registered.IsService(p.Type))
                .Select(p => (p.Index, Validator: new Lazy<IValidator>(() => (IValidator)services.GetRequiredService(p.Type))))
                .ToArray();
            return validated.Length == 0 ? next : context => ValidateAsync(context, next, validated);
        });

    private static async ValueTask<object?> ValidateAsync(
        EndpointFilterInvocationContext context, EndpointFilterDelegate next, (int Index, Lazy<IValidator> Validator)[] validated)
    {
        var errors = new Dictionary<string, string[]>();
        foreach (var (index, validator) in validated)
        {
            if (context.Arguments[index] is not { } argument)
            {
                continue;
            }

            var result = await validator.Value.ValidateAsync(new ValidationContext<object>(argument), context.HttpContext.RequestAborted);
            foreach (var group in result.Errors.GroupBy(e => JsonNames.CamelPath(e.PropertyName)))
            {
                errors[group.Key] = [.. group.Select(e => e.ErrorMessage)];
            }
        }

        return errors.Count == 0 ? await next(context) : TypedResults.ValidationProblem(errors, title: "One or more query parameters are invalid.");
    }
}
