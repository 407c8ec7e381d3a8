"""E-learning content in the back office (/beheer/): modules, lessons, quizzes and questions. Learners'
progress and answers are deliberately not here: they belong to the learner."""

from __future__ import annotations

from django.contrib import admin

from ..models import Choice, Lesson, Question, Quiz
from ..models import Module as CourseModule


class LessonInline(admin.TabularInline):
    model = Lesson
    fields = ("title", "order")
    extra = 0
    show_change_link = True


@admin.register(CourseModule)
class ModuleAdmin(admin.ModelAdmin):
    list_display = ("title", "course", "order")
    list_select_related = ("course",)
    search_fields = ("title", "course__title")
    inlines = [LessonInline]


@admin.register(Lesson)
class LessonAdmin(admin.ModelAdmin):
    list_display = ("title", "module", "order")
    list_select_related = ("module",)
    search_fields = ("title",)
    exclude = ("file", "file_title", "file_size")


class ChoiceInline(admin.TabularInline):
    model = Choice
    extra = 0


@admin.register(Quiz)
class QuizAdmin(admin.ModelAdmin):
    list_display = ("title", "course", "pass_mark", "max_attempts")
    list_select_related = ("course",)


@admin.register(Question)
class QuestionAdmin(admin.ModelAdmin):
    list_display = ("text", "quiz", "kind", "order")
    list_select_related = ("quiz",)
    inlines = [ChoiceInline]
