package org.clinicops.support.testing;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.core.io.ClassPathResource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * A service's settings as a deployment gives them: its own {@code <service>.yml} from the class path, under
 * environment variables ({@code CLINIC_ZONE}), bound without starting the service.
 */
public final class ServiceSettings {

    private ServiceSettings() {
    }

    public static <T> T bind(String configName, String prefix, Class<T> type, Map<String, Object> environment) {
        StandardEnvironment settings = new StandardEnvironment();
        settings.getPropertySources().remove(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME);
        settings.getPropertySources().remove(StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME);
        settings.getPropertySources().addFirst(new SystemEnvironmentPropertySource("environment", environment));
        try {
            new YamlPropertySourceLoader().load(configName, new ClassPathResource(configName + ".yml"))
                    .forEach(settings.getPropertySources()::addLast);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ConfigurationPropertySources.attach(settings);
        return Binder.get(settings).bindOrCreate(prefix, type);
    }
}
