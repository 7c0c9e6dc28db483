package io.jobpulse.enrichment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class RoleClassifierTest {

    private static List<RoleFamily> roles(String text) {
        return Enrichers.enrich(text).roles();
    }

    @Test
    void familiesFromTitles() {
        assertThat(roles("Acme | Senior Backend Engineer | Remote")).containsExactly(RoleFamily.BACKEND);
        assertThat(roles("Acme | Frontend, Full-Stack | Remote")).containsExactly(RoleFamily.FRONTEND, RoleFamily.FULLSTACK);
        assertThat(roles("Hiring iOS Engineers and a Site Reliability Engineer")).containsExactly(RoleFamily.MOBILE, RoleFamily.DEVOPS);
        assertThat(roles("We need a Data Engineer and an ML Engineer")).containsExactly(RoleFamily.DATA_ENGINEERING, RoleFamily.DATA_SCIENCE);
        assertThat(roles("Acme | Engineering Manager, Product Manager, Product Designer")).containsExactly(
                RoleFamily.ENGINEERING_MANAGER, RoleFamily.PRODUCT_MANAGER, RoleFamily.DESIGN);
        assertThat(roles("Acme | Security Engineer, QA Engineer, Firmware Engineer")).containsExactly(
                RoleFamily.SECURITY, RoleFamily.QA, RoleFamily.EMBEDDED);
        assertThat(roles("Acme | Account Executive, Head of Growth, Support Engineer")).containsExactly(
                RoleFamily.SALES, RoleFamily.MARKETING, RoleFamily.SUPPORT);
        assertThat(roles("Acme | Gameplay Programmer | Remote")).containsExactly(RoleFamily.GAME);
    }

    @Test
    void genericSoftwareRole() {
        assertThat(roles("Acme | Software Engineer | Remote")).containsExactly(RoleFamily.SOFTWARE_ENGINEER_GENERAL);
    }

    @Test
    void familyInferredFromTheStackWhenTitleIsGeneric() {
        assertThat(roles("Acme | Software Engineer | Remote. Our stack: React, TypeScript, Django and PostgreSQL"))
                .containsExactly(RoleFamily.FULLSTACK);
    }

    @Test
    void colleaguesAreNotTheAdvertisedRole() {
        assertThat(roles("Acme | Backend Engineer | Remote. You will work closely with product managers and designers."))
                .containsExactly(RoleFamily.BACKEND);
    }

    @Test
    void familiesNamedAfterTheJob() {
        assertThat(roles("Open roles:\nSoftware Engineer, Android: build features for Android and iOS")).containsExactly(RoleFamily.MOBILE);
        assertThat(roles("Acme | Software Engineers (full-stack, mobile) | NYC")).containsExactly(RoleFamily.FULLSTACK, RoleFamily.MOBILE);
        assertThat(roles("We are hiring software engineers (Frontend/Backend)")).containsExactly(RoleFamily.FRONTEND, RoleFamily.BACKEND);
    }

    @Test
    void thePostersOwnTitleIsNotAnOpening() {
        assertThat(roles("Acme | Robotics Engineers | I am a Senior Director of Engineering there, reach me at x"))
                .doesNotContain(RoleFamily.ENGINEERING_MANAGER);
    }

    @Test
    void gameEngineWork() {
        assertThat(roles("Acme | Senior Software Engineer | work on the game engine that powers our platform")).containsExactly(RoleFamily.GAME);
    }
}
