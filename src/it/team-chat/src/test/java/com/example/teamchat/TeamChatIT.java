package com.example.teamchat;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Team Chat's WAR (Huddle overlaid with this project) on a real WildFly, driven by real websocket clients. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class TeamChatIT {

    @ArquillianResource
    URL base;

    @Deployment(testable = false)
    static WebArchive teamChat() {
        return ShrinkWrap.createFromZipFile(WebArchive.class, new File(System.getProperty("team-chat.war")));
    }

    @Test
    void shoutProcessesItsDeclaredInputs() {
        try (ChatSocket client = ChatSocket.connect(base)) {
            assertEquals("HI HI", client.action(Map.of("action", "shout", "text", "hi", "times", "2")).getString("shout"));
            assertEquals("HI", client.action(Map.of("action", "shout", "text", "hi")).getString("shout"));
            assertEquals("text is a required parameter for this action",
                    client.action(Map.of("action", "shout")).getString("error"));
            assertEquals("Input for parameter \"times\" failed validation!",
                    client.action(Map.of("action", "shout", "text", "hi", "times", "4")).getString("error"));
        }
    }

    @Test
    void theLoungeAdmitsOnlyConnectionsThatLoggedIn() {
        try (ChatSocket guest = ChatSocket.connect(base); ChatSocket member = ChatSocket.connect(base)) {
            assertEquals("Error: log in to enter the lounge",
                    guest.request("roomAdd", Map.of("room", "lounge")).getString("error"));
            JsonObject wrongPassword = guest.action(Map.of("action", "login", "name", "eve", "password", "guess"));
            assertEquals("Input for parameter \"password\" failed validation!", wrongPassword.getString("error"));
            assertEquals("Error: log in to enter the lounge",
                    guest.request("roomAdd", Map.of("room", "lounge")).getString("error"));

            assertEquals("ada", member.action(Map.of("action", "login", "name", "ada", "password", "team-secret"))
                    .getString("user"));
            // the lounge exists from boot: the application's startingChatRooms lists it beside Huddle's defaultRoom
            assertEquals("OK", member.request("roomAdd", Map.of("room", "lounge")).getString("status"));
        }
    }

    @Test
    void theModeratorMasksBannedWordsForEveryone() {
        try (ChatSocket alice = ChatSocket.connect(base); ChatSocket bob = ChatSocket.connect(base)) {
            assertEquals("OK", alice.request("roomAdd", Map.of("room", "defaultRoom")).getString("status"));
            assertEquals("OK", bob.request("roomAdd", Map.of("room", "defaultRoom")).getString("status"));
            alice.request("say", Map.of("room", "defaultRoom", "message", "oh darn, the build"));
            bob.await(frame -> frame instanceof JsonObject o && "user".equals(o.getString("context", ""))
                    && "oh ***, the build".equals(o.getString("message", "")));
            alice.await(frame -> frame instanceof JsonObject o && "user".equals(o.getString("context", ""))
                    && "oh ***, the build".equals(o.getString("message", "")));
        }
    }

    @Test
    void theApplicationsConfigurationOverridesHuddlesDefaults() {
        try (ChatSocket client = ChatSocket.connect(base)) {
            JsonValue welcome = client.await(frame -> frame instanceof JsonObject o && o.containsKey("welcome"));
            assertEquals("Welcome to Team Chat", welcome.asJsonObject().getString("welcome"));
        }
    }

    @Test
    void theTeamPageChatsThroughTheServedClient() throws Exception {
        Path profile = Files.createTempDirectory("team-chat-chromium");
        ChromeOptions options = new ChromeOptions().setBinary(new File("/usr/bin/chromium"))
                .addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                        "--disable-background-networking", "--disable-component-update", "--disable-sync",
                        "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File("/usr/bin/chromedriver")).usingAnyFreePort().build();
        ChromeDriver browser = new ChromeDriver(service, options);
        try (ChatSocket colleague = ChatSocket.connect(base)) {
            browser.get(new URL(base, "team.html").toString());
            WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(15));
            wait.until(page -> page.findElement(By.id("messages")).getText().contains("Welcome to Team Chat"));
            assertEquals("OK", colleague.request("roomAdd", Map.of("room", "defaultRoom")).getString("status"));
            // the page joins defaultRoom right after connecting: say until its list shows the message
            wait.until(page -> {
                colleague.request("say", Map.of("room", "defaultRoom", "message", "hello, page"));
                return page.findElement(By.id("messages")).getText().contains("hello, page");
            });
        } finally {
            browser.quit();
        }
    }
}
