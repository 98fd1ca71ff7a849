package io.wirewatch.alert.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class CountryCodesTest {

    @Test
    void shouldGiveTheCodesOfStatesByTheirCanonicalNamesAndNothingForGroupsAndCities() {
        assertThat(CountryCodes.ofAll(
                        List.of("Gulf Cooperation Council", "Saudi Arabia", "United Arab Emirates", "Syria")))
                .containsExactly("SA", "AE", "SY");
        assertThat(CountryCodes.ofAll(List.of("United States", "United Kingdom", "Netherlands", "Russia", "China")))
                .containsExactly("US", "GB", "NL", "RU", "CN");
        assertThat(CountryCodes.of("Homs")).isEmpty();
        assertThat(CountryCodes.of(null)).isEmpty();
        assertThat(CountryCodes.ofAll(List.of("France", "France"))).containsExactly("FR");
    }
}
