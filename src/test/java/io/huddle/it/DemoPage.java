package io.huddle.it;

import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

import java.net.URL;
import java.util.List;
import java.util.Set;

/** The demo chat page ({@code /}) as a user sees it, by the element ids {@code webapp/demo/app.js} documents. */
final class DemoPage {

    private final Browser browser;

    private DemoPage(Browser browser) {
        this.browser = browser;
    }

    /** Opens the page and waits until it is connected and in its default room. */
    static DemoPage open(Browser browser, URL page) {
        browser.get(page);
        DemoPage demo = new DemoPage(browser);
        demo.awaitState("connected");
        demo.awaitJoined("defaultRoom");
        return demo;
    }

    /** The shown connection state: connected, reconnecting or offline. */
    String state() {
        return browser.driver().findElement(By.id("state")).getDomAttribute("data-state");
    }

    DemoPage awaitState(String state) {
        browser.await(d -> state.equals(state()));
        return this;
    }

    /** This page's connection id, as the server knows it. */
    String connectionId() {
        return browser.await(d -> (String) browser.script("return window.huddle.id"));
    }

    /** Joins a room by typing its name, and waits until it is the open room. */
    DemoPage join(String room) {
        WebElement input = browser.driver().findElement(By.id("room-input"));
        input.sendKeys(room);
        browser.driver().findElement(By.id("room-join")).click();
        return awaitJoined(room).awaitOpen(room);
    }

    DemoPage awaitJoined(String room) {
        browser.await(d -> !d.findElements(By.cssSelector(
                "#room-list [data-room='" + room + "'][data-joined='true']")).isEmpty());
        return this;
    }

    DemoPage awaitOpen(String room) {
        browser.await(d -> !d.findElements(By.cssSelector(
                "#room-list [data-room='" + room + "'][aria-current='true']")).isEmpty());
        return this;
    }

    /** Leaves a room with its leave button. */
    DemoPage leave(String room) {
        browser.driver().findElement(By.cssSelector("#room-list [data-room='" + room + "'] .room-leave")).click();
        browser.await(d -> d.findElements(By.cssSelector(
                "#room-list [data-room='" + room + "'][data-joined='true']")).isEmpty());
        return this;
    }

    /** Types a message into the open room and sends it with Enter. */
    DemoPage say(String text) {
        WebElement input = browser.driver().findElement(By.id("message-input"));
        browser.await(d -> input.isEnabled());
        input.sendKeys(text, Keys.ENTER);
        return this;
    }

    /** The texts of the messages in the open room, oldest first. */
    List<String> messages() {
        return browser.driver().findElements(By.cssSelector("#messages .message .message-text")).stream()
                .map(element -> element.getDomProperty("textContent"))
                .toList();
    }

    DemoPage awaitMessage(String text) {
        browser.await(d -> messages().contains(text));
        return this;
    }

    /** The message element showing {@code text}. */
    WebElement message(String text) {
        return browser.driver().findElements(By.cssSelector("#messages .message")).stream()
                .filter(m -> text.equals(m.findElement(By.className("message-text")).getDomProperty("textContent")))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no message " + text + " in " + messages()));
    }

    /** The name shown as the sender of the message showing {@code text}. */
    String sender(String text) {
        return message(text).findElement(By.className("message-from")).getDomProperty("textContent");
    }

    /** Display names in the members list of the open room. */
    Set<String> memberNames() {
        return Set.copyOf(browser.driver().findElements(By.cssSelector("#members [data-member-id] .member-name"))
                .stream()
                .map(element -> element.getDomProperty("textContent"))
                .toList());
    }

    DemoPage awaitMemberNamed(String name) {
        browser.await(d -> memberNames().contains(name));
        return this;
    }

    /** Connection ids in the members list of the open room. */
    Set<String> members() {
        return Set.copyOf(browser.driver().findElements(By.cssSelector("#members [data-member-id]")).stream()
                .map(element -> element.getDomAttribute("data-member-id"))
                .toList());
    }

    DemoPage awaitMembers(Set<String> connectionIds) {
        browser.await(d -> members().equals(connectionIds));
        return this;
    }
}
