package fr.hubag.testing;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CsvTest {

    @Test
    void readsQuotedFieldsDoubledQuotesAndBothLineEndings() {
        String text = "id,\"nom\",presentation\r\n"
                + "1,\"Cyber-base, Lamentin\",\"dit \"\"bonjour\"\"\"\r\n"
                + "2,Médiathèque,\"deux\nlignes\"\n"
                + "3,,\"\"\n";

        List<Map<String, String>> rows = Csv.parse(text);

        assertThat(rows).containsExactly(
                Map.of("id", "1", "nom", "Cyber-base, Lamentin", "presentation", "dit \"bonjour\""),
                Map.of("id", "2", "nom", "Médiathèque", "presentation", "deux\nlignes"),
                Map.of("id", "3", "nom", "", "presentation", ""));
        assertThat(rows.get(0).keySet()).containsExactly("id", "nom", "presentation");
        assertThat(Csv.header(text)).containsExactly("id", "nom", "presentation");
    }

    @Test
    void theLastRecordNeedsNoLineBreakAndAByteOrderMarkIsDropped() {
        assertThat(Csv.parse("\uFEFFa,b\n1,2")).containsExactly(Map.of("a", "1", "b", "2"));
        assertThat(Csv.parse("a,b\r\n")).isEmpty();
    }

    @Test
    void refusesWhatRfc4180Forbids() {
        assertThatThrownBy(() -> Csv.parse("a,b\n1,2,3\n")).hasMessageContaining("record 2 has 3 fields");
        assertThatThrownBy(() -> Csv.parse("a,b\n1,\"open\n")).hasMessageContaining("not closed");
        assertThatThrownBy(() -> Csv.parse("a,b\n1,ab\"c\n")).hasMessageContaining("quote inside an unquoted field");
        assertThatThrownBy(() -> Csv.parse("a,b\n1,\"x\"y\n")).hasMessageContaining("text after a closing quote");
        assertThatThrownBy(() -> Csv.parse("a,a\n1,2\n")).hasMessageContaining("twice");
        assertThatThrownBy(() -> Csv.parse("")).hasMessageContaining("no header");
    }
}
