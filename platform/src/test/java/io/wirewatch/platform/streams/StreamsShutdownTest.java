package io.wirewatch.platform.streams;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.apache.kafka.streams.CloseOptions.GroupMembershipOperation;
import org.apache.kafka.streams.internals.CloseOptionsInternal;
import org.junit.jupiter.api.Test;

class StreamsShutdownTest {

    @Test
    void shouldLeaveTheGroupWithinTheTimeoutOnAPlannedStop() {
        // When the services' close options are made for a 30 s timeout
        CloseOptionsInternal options = new CloseOptionsInternal(StreamsShutdown.leavingGroup(Duration.ofSeconds(30)));

        // Then they leave the consumer group (no wait for the session timeout on restart), within that timeout
        assertThat(options.operation()).isEqualTo(GroupMembershipOperation.LEAVE_GROUP);
        assertThat(options.timeout()).contains(Duration.ofSeconds(30));
    }
}
